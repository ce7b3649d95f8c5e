import type { CommandContext } from '@edict/core';
import { doctorPlugins, type DoctorReport } from '../../manage/doctor';
import { withEngine } from '../engineContext';

/** `plugins doctor`: repairs the plugins folder and says what it did and what is left. */
export async function handler(ctx: CommandContext): Promise<DoctorReport> {
  const report = await withEngine(ctx, 'Checking plugins', false, ({ options }) => doctorPlugins(options));
  for (const r of report.repaired) ctx.out.text(`Repaired: ${r}`);
  if (report.removed.length > 0)
    ctx.out.text(`Removed ${report.removed.length} leftover(s) of earlier operations.`);
  for (const p of report.problems) ctx.out.warn(p);
  const state = report.problems.length === 0 ? 'all usable' : `${report.problems.length} with problems`;
  ctx.out.text(`${report.plugins} plugin(s), ${state}.`);
  return report;
}
