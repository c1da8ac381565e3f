import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The module boundaries of decision 0021 are lint rules (eslint.config.js `boundaries`); these
 * fixtures break them, so removing or weakening a rule fails here instead of going unnoticed.
 */
const FIXTURE: Record<string, string> = {
  // reviews depends on applications, never the reverse (SERVER_MODULE_DEPENDENCIES)
  'apps/server/src/modules/applications/engine.ts': "import { inbox } from '../reviews/inbox';\nexport const engine = () => inbox;\n",
  'apps/server/src/modules/reviews/inbox.ts': "import { table } from '../applications/table';\nexport const inbox = table;\n",
  'apps/server/src/modules/applications/table.ts': 'export const table = 1;\n',
  // an import cycle inside one module
  'apps/server/src/modules/reviews/alpha.ts': "import { beta } from './beta';\nexport const alpha = () => beta() + 1;\n",
  'apps/server/src/modules/reviews/beta.ts': "import { alpha } from './alpha';\nexport const beta = () => (alpha ? 1 : 0);\n",
  // a web feature importing another feature, and both importing a shared folder
  'apps/web/src/features/one/pages/OnePage.ts': "import { twoApi } from '../../two/api/two.api';\nimport { shared } from '../../../lib/shared';\nexport const one = () => twoApi() + shared;\n",
  'apps/web/src/features/two/api/two.api.ts': "import { shared } from '../../../lib/shared';\nexport const twoApi = () => shared;\n",
  'apps/web/src/lib/shared.ts': 'export const shared = 1;\n',
};

type Boundaries = (root: string, serverModules?: Record<string, string[]>) => Linter.Config[];

let root: string;
let boundaries: Boundaries;
let results: Map<string, { ruleId: string | null; message: string }[]>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lint-boundaries-'));
  for (const [path, text] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const config = pathToFileURL(join(import.meta.dirname, '../../../eslint.config.js')).href;
  ({ boundaries } = (await import(config)) as { boundaries: Boundaries });
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } }, ...boundaries(root)],
  });
  const linted = await eslint.lintFiles(Object.keys(FIXTURE));
  results = new Map(linted.map((r) => [r.filePath.slice(root.length + 1), r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }))]));
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('module boundaries (eslint.config.js)', () => {
  it('fails a server module importing a module it does not declare (applications -> reviews)', () => {
    expect(results.get('apps/server/src/modules/applications/engine.ts')).toEqual([
      { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('Server module applications may not import reviews') },
    ]);
  });

  it('passes the declared direction (reviews -> applications)', () => {
    expect(results.get('apps/server/src/modules/reviews/inbox.ts')).toEqual([]);
  });

  it('fails an import cycle between two files, on both sides', () => {
    for (const file of ['apps/server/src/modules/reviews/alpha.ts', 'apps/server/src/modules/reviews/beta.ts']) {
      expect(results.get(file)).toEqual([expect.objectContaining({ ruleId: 'import-x/no-cycle' })]);
    }
  });

  it('fails a web feature importing another feature, and only that import', () => {
    expect(results.get('apps/web/src/features/one/pages/OnePage.ts')).toEqual([
      { ruleId: 'import-x/no-restricted-paths', message: expect.stringContaining('must not import another feature') },
    ]);
    expect(results.get('apps/web/src/features/two/api/two.api.ts')).toEqual([]);
  });

  it('refuses a module graph with a circle, and a module nobody declared', () => {
    expect(() => boundaries(root, { applications: ['reviews'], reviews: ['applications'] })).toThrow(/in a circle: (applications -> reviews -> applications|reviews -> applications -> reviews)/);
    expect(() => boundaries(root, { applications: [] })).toThrow(/declare the dependencies of server module\(s\) reviews/);
  });
});
