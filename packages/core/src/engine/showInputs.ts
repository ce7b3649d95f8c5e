import type { Output } from '../api/output';
import type { InputReport } from '../profiles/resolveInputs';

/**
 * `--show-inputs-only`: the command's inputs, values and origins as a table (text mode), or the
 * `{ inputs }` data of the JSON document. Secure values are already masked.
 */
export function showInputs(out: Output, inputs: readonly InputReport[], json: boolean): unknown {
  if (json) return { inputs };
  out.table(
    inputs.map((i) => ({
      name: i.name,
      value: i.value === null ? '(missing)' : typeof i.value === 'string' ? i.value : JSON.stringify(i.value),
      from: i.from,
    })),
    [
      { key: 'name', header: 'Input' },
      { key: 'value', header: 'Value' },
      { key: 'from', header: 'From' },
    ],
  );
  return undefined;
}
