import { moduleLoaderDisabledByEnv, moduleLoaderTraceByEnv } from '../src/env';

describe('moduleLoaderDisabledByEnv', () => {
  it.each([
    [{ MYCLI_MODULE_LOADER: 'off' }, true],
    [{ MYCLI_MODULE_LOADER: 'OFF' }, true],
    [{ MYCLI_MODULE_LOADER: '0' }, true],
    [{ MYCLI_MODULE_LOADER: 'false' }, true],
    [{ EDICT_MODULE_LOADER: 'off' }, true],
    [{ MYCLI_MODULE_LOADER: 'on' }, false],
    [{ MYCLI_MODULE_LOADER: '' }, false],
    [{ OTHER_MODULE_LOADER: 'off' }, false],
    [{}, false],
  ])('reads %j as disabled=%s for prefix MYCLI', (env, disabled) => {
    expect(moduleLoaderDisabledByEnv(env, 'MYCLI')).toBe(disabled);
  });

  it('reads only EDICT_MODULE_LOADER without a prefix', () => {
    expect(moduleLoaderDisabledByEnv({ EDICT_MODULE_LOADER: '0' })).toBe(true);
    expect(moduleLoaderDisabledByEnv({ MYCLI_MODULE_LOADER: '0' })).toBe(false);
  });
});

describe('moduleLoaderTraceByEnv', () => {
  it('is on for EDICT_MODULE_LOADER_TRACE=1 and off when unset or 0', () => {
    expect(moduleLoaderTraceByEnv({ EDICT_MODULE_LOADER_TRACE: '1' })).toBe(true);
    expect(moduleLoaderTraceByEnv({ EDICT_MODULE_LOADER_TRACE: '0' })).toBe(false);
    expect(moduleLoaderTraceByEnv({})).toBe(false);
  });
});
