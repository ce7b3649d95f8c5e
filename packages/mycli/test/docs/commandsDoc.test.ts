import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mycli, tempHome } from '../support';

// docs/commands.md is generated from the definitions; this keeps the committed copy current.
it(
  'docs/commands.md is what `mycli docs` generates (regenerate: ' +
    'node bin/mycli docs --output docs/commands.md)',
  () => {
    const { home, cleanup } = tempHome();
    try {
      const r = mycli(home, ['docs']);
      expect(r.status).toBe(0);
      const committed = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'commands.md'), 'utf8');
      expect(r.stdout.trimEnd()).toBe(committed.trimEnd());
    } finally {
      cleanup();
    }
  },
);
