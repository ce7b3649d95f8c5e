type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A shape problem: the JSON path of the offending value and what is wrong with it. */
export interface ShapeProblem {
  path: (string | number)[];
  message: string;
}

function profileProblem(value: unknown, path: (string | number)[]): ShapeProblem | undefined {
  const name = path.filter((_, i) => i % 2 === 1).join('.');
  if (!isObject(value)) return { path, message: `profile "${name}" must be an object` };
  if (value.type !== undefined && typeof value.type !== 'string')
    return { path: [...path, 'type'], message: `"type" of profile "${name}" must be a string` };
  if (value.properties !== undefined && !isObject(value.properties))
    return { path: [...path, 'properties'], message: `"properties" of profile "${name}" must be an object` };
  const secure = value.secure;
  if (secure !== undefined && !(Array.isArray(secure) && secure.every((s) => typeof s === 'string')))
    return {
      path: [...path, 'secure'],
      message: `"secure" of profile "${name}" must be an array of property names`,
    };
  return value.profiles === undefined ? undefined : profilesProblem(value.profiles, [...path, 'profiles']);
}

function profilesProblem(value: unknown, path: (string | number)[]): ShapeProblem | undefined {
  if (!isObject(value)) return { path, message: '"profiles" must be an object of profiles' };
  for (const [name, profile] of Object.entries(value)) {
    const problem = profileProblem(profile, [...path, name]);
    if (problem) return problem;
  }
  return undefined;
}

/** The first way a parsed config file does not have the shape of TeamConfigData, or undefined. */
export function checkConfigShape(data: unknown): ShapeProblem | undefined {
  if (!isObject(data)) return { path: [], message: 'the top level must be a JSON object' };
  if (data.$schema !== undefined && typeof data.$schema !== 'string')
    return { path: ['$schema'], message: '"$schema" must be a string' };
  if (data.autoStore !== undefined && typeof data.autoStore !== 'boolean')
    return { path: ['autoStore'], message: '"autoStore" must be true or false' };
  if (data.defaults !== undefined) {
    if (!isObject(data.defaults))
      return { path: ['defaults'], message: '"defaults" must be an object of profile names' };
    for (const [type, name] of Object.entries(data.defaults))
      if (typeof name !== 'string')
        return { path: ['defaults', type], message: `"defaults.${type}" must be a profile name` };
  }
  return data.profiles === undefined ? undefined : profilesProblem(data.profiles, ['profiles']);
}
