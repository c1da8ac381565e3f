import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import importX from 'eslint-plugin-import-x';

const WEB_FEATURES = 'apps/web/src/features';
const SERVER_MODULES = 'apps/server/src/modules';

/**
 * Which server modules each module may import: one way only, so this graph must stay acyclic (checked
 * below). A lower module that needs an answer from a higher one gets it through a hook wired at
 * composition (apps/server/src/deps.ts `hooks`). apps/server/README.md explains the layers.
 */
export const SERVER_MODULE_DEPENDENCIES = {
  audit: [],
  files: [],
  health: [],
  'rate-limits': [],
  accounts: ['audit', 'files'],
  calendar: ['accounts', 'audit'],
  notifications: ['accounts'],
  institutions: ['accounts'],
  applications: ['accounts', 'audit', 'calendar', 'files', 'institutions', 'notifications'],
  admin: ['accounts', 'applications', 'audit', 'calendar'],
  materials: ['accounts', 'applications', 'audit', 'files'],
  documents: ['accounts', 'applications', 'audit', 'institutions', 'materials'],
  licences: ['accounts', 'admin', 'applications', 'audit', 'documents', 'institutions', 'notifications'],
  imports: ['accounts', 'applications', 'institutions', 'licences'],
  // 机构信用等级 (decision 0048) reads the tables of the modules whose events it scores
  'credit-ratings': ['admin', 'applications', 'credit', 'inspections', 'institutions', 'licences', 'statistics'],
  register: ['accounts', 'applications', 'credit', 'credit-ratings', 'inspections', 'institutions', 'licences', 'statistics-analysis'],
  'record-kinds': ['accounts', 'admin', 'applications', 'credit-ratings', 'institutions', 'licences', 'inspections'],
  inspections: ['accounts', 'admin', 'applications', 'audit', 'calendar', 'documents', 'files', 'institutions', 'licences', 'materials', 'notifications'],
  reviews: ['accounts', 'applications', 'audit', 'calendar', 'credit-ratings', 'documents', 'institutions', 'licences', 'materials', 'notifications'],
  'unit-institutions': ['applications', 'credit-ratings', 'institutions', 'licences'],
  practitioners: ['accounts', 'audit', 'institutions'],
  credit: ['accounts', 'admin', 'applications', 'institutions', 'licences'],
  statistics: ['accounts', 'admin', 'applications', 'audit', 'institutions'],
  'statistics-analysis': ['accounts', 'admin', 'applications', 'audit', 'institutions', 'notifications', 'statistics'],
  // 审计日志's viewer names the objects of the modules below it (decision 0029)
  'audit-viewer': ['accounts', 'applications', 'audit', 'imports', 'institutions', 'licences', 'practitioners'],
  'admin-todo': ['accounts', 'imports'],
};

/** Throws unless every module directory is declared and the declared graph has no cycle. */
function checkServerModules(root, declared) {
  const present = readdirSync(join(root, SERVER_MODULES), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const missing = present.filter((m) => !(m in declared));
  if (missing.length) throw new Error(`eslint.config.js: declare the dependencies of server module(s) ${missing.join(', ')} in SERVER_MODULE_DEPENDENCIES`);
  const done = new Set();
  const visit = (m, path) => {
    if (path.includes(m)) throw new Error(`eslint.config.js: server modules depend on each other in a circle: ${[...path, m].join(' -> ')}`);
    if (done.has(m)) return;
    for (const d of declared[m] ?? []) visit(d, [...path, m]);
    done.add(m);
  };
  for (const m of Object.keys(declared)) visit(m, []);
  return present;
}

/**
 * Boundaries (decision 0021), for the repository at `root`: no import cycles in the server and
 * modules importing one way only (as declared), and in the web a feature imports from the shared folders (components, lib) but never from another
 * feature. apps/server/src/lint-boundaries.test.ts lints failing fixtures with it, so neither rule
 * can silently vanish.
 */
export function boundaries(root, serverModules = SERVER_MODULE_DEPENDENCIES) {
  const modules = checkServerModules(root, serverModules);
  const features = readdirSync(join(root, WEB_FEATURES), { withFileTypes: true }).filter((d) => d.isDirectory());
  // import-x follows only the extensions named here, parsed with the TypeScript parser
  const settings = (extensions) => ({
    'import-x/extensions': extensions,
    'import-x/parsers': { '@typescript-eslint/parser': extensions },
    'import-x/resolver-next': [importX.createNodeResolver({ extensions: [...extensions, '.js', '.json'] })],
  });
  return [
    {
      files: ['apps/server/src/**/*.ts'],
      plugins: { 'import-x': importX },
      settings: settings(['.ts']),
      rules: {
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
        // one way between modules: each may import only the modules it declares
        'import-x/no-restricted-paths': [
          'error',
          {
            basePath: root,
            zones: modules.flatMap((m) =>
              modules
                .filter((other) => other !== m && !serverModules[m].includes(other))
                .map((other) => ({
                  target: `${SERVER_MODULES}/${m}`,
                  from: `${SERVER_MODULES}/${other}`,
                  message: `Server module ${m} may not import ${other} (one-way modules, SERVER_MODULE_DEPENDENCIES in eslint.config.js, decision 0021).`,
                })),
            ),
          },
        ],
      },
    },
    {
      files: [`${WEB_FEATURES}/**/*.{ts,tsx}`],
      plugins: { 'import-x': importX },
      settings: settings(['.ts', '.tsx']),
      rules: {
        'import-x/no-restricted-paths': [
          'error',
          {
            basePath: root,
            zones: features.map((d) => ({
              target: `${WEB_FEATURES}/${d.name}`,
              from: WEB_FEATURES,
              except: [`./${d.name}`],
              message: 'A feature must not import another feature: move the shared piece to components/ or lib/ (decision 0021).',
            })),
          },
        ],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/src/db/migrations/**', 'test-results/**', 'bench/results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(skip|only|todo)$/]", message: 'Every test runs: no .skip/.only/.todo.' },
      ],
    },
  },
  { files: ['apps/web/src/**'], languageOptions: { globals: { ...globals.browser } } },
  ...boundaries(fileURLToPath(new URL('.', import.meta.url))),
);
