import { EdictError, isEdictError, usageError } from '../../src/errors/EdictError';

describe('isEdictError', () => {
  it("recognises the framework's errors whatever their code", () => {
    expect(isEdictError(new EdictError('EDICT_PLUGIN_NOT_FOUND', 'x'))).toBe(true);
    expect(isEdictError(usageError('GREET_BAD_NAME', 'x'))).toBe(true);
  });

  it('recognises an EdictError from another copy of the framework by its shape', () => {
    class EdictError extends Error {
      override name = 'EdictError';
      code = 'HELLO_FAILED';
      exitCode = 1;
    }
    expect(isEdictError(new EdictError('from a plugin with its own copy'))).toBe(true);
  });

  it("does not take Node's errors, or look-alikes without the name, for user errors", () => {
    const enoent = Object.assign(new Error('no such file'), { code: 'ENOENT' });
    expect(isEdictError(enoent)).toBe(false);
    expect(isEdictError(Object.assign(new Error('x'), { code: 'EDICT_X', exitCode: 1 }))).toBe(false);
    expect(isEdictError('EDICT_X')).toBe(false);
    expect(isEdictError(null)).toBe(false);
  });
});
