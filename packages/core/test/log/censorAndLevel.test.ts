import { createCensor } from '../../src/log/censor';
import { parseLogLevel } from '../../src/log/logLevel';

describe('createCensor', () => {
  it('replaces every occurrence of every registered secret, a longer one whole', () => {
    const censor = createCensor();
    censor.add('abc');
    censor.add('abcdef');
    censor.add('');
    expect(censor.apply('abcdef and abc, abc!')).toBe('**** and ****, ****!');
    expect(censor.apply('nothing here')).toBe('nothing here');
  });

  it('masks a secret as JSON writes it', () => {
    const censor = createCensor();
    censor.add('a"b\\c');
    expect(censor.apply(JSON.stringify({ token: 'a"b\\c' }))).toBe('{"token":"****"}');
  });
});

describe('parseLogLevel', () => {
  it('reads each level and off, ignoring case and blanks', () => {
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'off'])
      expect(parseLogLevel(` ${level.toUpperCase()} `, 'APP_LOG_LEVEL')).toEqual({ level });
  });

  it('defaults to warn when unset, and warns naming the variable for an invalid value', () => {
    expect(parseLogLevel(undefined, 'APP_LOG_LEVEL')).toEqual({ level: 'warn' });
    expect(parseLogLevel('verbose', 'APP_LOG_LEVEL')).toEqual({
      level: 'warn',
      warning:
        'Ignoring APP_LOG_LEVEL="verbose": wanted one of trace, debug, ' +
        'info, warn, error, off; logging at warn.',
    });
  });
});
