import type { ConfigStore } from '../../src/api/config';
import type { OptionDefinition } from '../../src/definitions/types';
import { layerOptions } from '../../src/parsing/layerOptions';

function memoryConfig(values: Record<string, unknown>): ConfigStore {
  return {
    path: '/nowhere/config.json',
    list: () => ({ ...values }),
    get: (k) => values[k],
    set: () => undefined,
    unset: () => false,
  };
}

const times: OptionDefinition = { name: 'times', type: 'number', summary: 'Times', default: 1 };
const layer = (
  flags: Record<string, unknown>,
  env: Record<string, string>,
  config: Record<string, unknown>,
): unknown =>
  layerOptions([times], flags, {
    envPrefix: 'APP',
    env,
    commandPath: ['greet'],
    config: () => memoryConfig(config),
    cliName: 'app',
    helpHint: 'app greet --help',
  }).values.times;

describe('option layering: flag > env > config > default', () => {
  it('takes each layer only when the ones above are absent', () => {
    const config = { 'greet.times': 4, times: 3 };
    expect(layer({ times: '5' }, { APP_OPT_TIMES: '6' }, config)).toBe(5);
    expect(layer({}, { APP_OPT_TIMES: '6' }, config)).toBe(6);
    expect(layer({}, {}, config)).toBe(4);
    expect(layer({}, {}, { times: 3 })).toBe(3);
    expect(layer({}, {}, {})).toBe(1);
  });

  it('names the environment variable or config key holding a bad value', () => {
    expect(() => layer({}, { APP_OPT_TIMES: 'many' }, {})).toThrow(/environment variable APP_OPT_TIMES/);
    expect(() => layer({}, {}, { 'greet.times': 'lots' })).toThrow(/config key greet\.times/);
  });

  it('does not read the config file when flags or env give every value', () => {
    let read = false;
    const config = (): ConfigStore => {
      read = true;
      return memoryConfig({});
    };
    layerOptions(
      [times],
      { times: '2' },
      { envPrefix: 'APP', env: {}, commandPath: ['greet'], config, cliName: 'app', helpHint: '' },
    );
    expect(read).toBe(false);
  });
});
