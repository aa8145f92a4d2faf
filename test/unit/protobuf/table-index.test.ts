import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROTO_PACKAGES } from '../../../schemas/proto/index.js';

test('schemas/proto/index.ts lists every table of every file in schemas/proto', async () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../schemas/proto');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js' && f !== 'types.js');
  assert.ok(files.length > 0);
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    for (const [name, table] of Object.entries(module)) {
      assert.ok(PROTO_PACKAGES.includes(table as never), `${file}: ${name} is not in PROTO_PACKAGES`);
    }
  }
});
