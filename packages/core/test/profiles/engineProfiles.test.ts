import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../../src/api/context';
import type { CommandNode } from '../../src/definitions/types';
import type { CredentialManager, ProfileTypeDefinition } from '../../src/profiles/types';
import { testCli } from '../support/inProcess';

const greeter = (extra: Record<string, { type: 'string' }> = {}): ProfileTypeDefinition => ({
  type: 'greeter',
  properties: { greeting: { type: 'string' }, token: { type: 'string', secure: true }, ...extra },
});

const command: CommandNode = {
  name: 'hello',
  summary: 'h',
  profile: { optional: ['greeter'] },
  options: [{ name: 'greeting', type: 'string', summary: 'g' }],
  handler: () => (ctx: CommandContext) => ({ args: ctx.args, profiles: ctx.profiles ?? null }),
};

/** A host's own credential manager: secure values kept in this process. */
function memoryStore(): CredentialManager & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    name: 'the test vault',
    values,
    load: (account) => Promise.resolve(values.get(account)),
    save: (account, value) => Promise.resolve(void values.set(account, value)),
    delete: (account) => Promise.resolve(values.delete(account)),
  };
}

describe('profiles in the engine', () => {
  it('uses profile types from sources, keeps the first of a type declared twice, and warns', async () => {
    const cli = testCli([command], {
      profileTypes: [greeter()],
      sources: [
        {
          name: 'plugin p',
          load: () => ({
            commands: [],
            warnings: [],
            profileTypes: [greeter({ extra: { type: 'string' } })],
          }),
        },
      ],
    });
    try {
      writeFileSync(
        join(cli.home, 'app.config.json'),
        JSON.stringify({ profiles: { g: { type: 'greeter', properties: { greeting: 'Hi', extra: 'x' } } } }),
      );
      const r = await cli.run(['hello', '--greeter-profile', 'g', '--json']);
      expect(r.stderr).toContain(
        'Profile type "greeter" from plugin p is skipped: app itself already declares it.',
      );
      const data = (JSON.parse(r.stdout) as { data: { args: Record<string, unknown>; profiles: unknown } })
        .data;
      expect(data.args.greeting).toBe('Hi');
      // The host's type has no "extra" property, so the profile's "extra" is not taken.
      expect(data.profiles).toEqual({ greeter: { name: 'g', properties: { greeting: 'Hi' } } });
    } finally {
      cli.cleanup();
    }
  });

  it("gives the handler ctx.profiles with secure values from the host's credential manager", async () => {
    const store = memoryStore();
    const cli = testCli([command], { profileTypes: [greeter()], credentialManager: store });
    try {
      const file = join(cli.home, 'app.config.json');
      writeFileSync(
        file,
        JSON.stringify({
          profiles: { g: { type: 'greeter', properties: { greeting: 'Hi' }, secure: ['token'] } },
          defaults: { greeter: 'g' },
        }),
      );
      store.values.set(`${file}:g.token`, 't0k');
      const doc = await cli.json(['hello', '--greeting', 'Yo']);
      expect(doc.data).toMatchObject({
        args: { greeting: 'Yo' },
        profiles: { greeter: { name: 'g', properties: { greeting: 'Yo', token: 't0k' } } },
      });
      const shown = await cli.json(['hello', '--show-inputs-only']);
      expect(JSON.stringify(shown.data)).not.toContain('t0k');
    } finally {
      cli.cleanup();
    }
  });

  it('reads no config file for a command without profile types', async () => {
    const cli = testCli([{ ...command, profile: undefined }], { profileTypes: [greeter()] });
    try {
      writeFileSync(join(cli.home, 'app.config.json'), '{ not json');
      expect((await cli.run(['hello'])).code).toBe(0);
      expect((await cli.run(['hello', '--greeter-profile', 'g'])).code).toBe(2);
    } finally {
      cli.cleanup();
    }
  });
});
