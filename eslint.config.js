// Lint rules, including the layer rules of DESIGN.md: core imports only core, the UI never
// imports ccxt, exchange/db/vault/sync never import each other, strategies only use the SDK.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}`, `**/${name}/**`];
const outsideCore = ['exchange', 'db', 'vault', 'sync', 'ui', 'relay'].flatMap(layer);
const libsOutsideCore = ['dexie', 'ccxt', 'solid-js', 'solid-js/*', 'yjs', 'comlink', 'uplot'];

export default tseslint.config(
  {
    ignores: ['dist', 'dev-dist', 'node_modules', 'coverage', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libsOutsideCore.filter((name) => !name.includes('*')),
          patterns: [
            { group: outsideCore, message: 'core imports only core (DESIGN.md).' },
            { group: ['solid-js/*', '**/strategies/**'], message: 'core imports only core.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Inject Timers.' },
        { name: 'setInterval', message: 'Inject Timers.' },
        { name: 'fetch', message: 'core does no I/O.' },
        { name: 'localStorage', message: 'core does no I/O.' },
        { name: 'indexedDB', message: 'core does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject a Clock.' },
        { object: 'Math', property: 'random', message: 'Inject a Random.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'ccxt', message: 'ccxt lives only in workers.' }],
          patterns: [
            { group: ['ccxt/*'], message: 'ccxt lives only in workers.' },
            {
              // types.ts and catalog.ts load no ccxt: the account form uses them.
              regex: '(^|/)exchange/ccxt(/(?!(types|catalog)$).*)?$',
              message:
                'ccxt lives only in workers (the UI may import exchange/ccxt/types and /catalog).',
            },
          ],
        },
      ],
    },
  },
  ...['exchange', 'db', 'vault', 'sync'].map((name) => ({
    files: [`src/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['exchange', 'db', 'vault', 'sync', 'ui']
                .filter((other) => other !== name)
                .flatMap(layer),
              message: `${name} depends on core only (DESIGN.md).`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['strategies/**/*.ts'],
    ignores: ['strategies/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libsOutsideCore,
          patterns: [{ group: outsideCore, message: 'Strategies use the SDK in src/core only.' }],
        },
      ],
    },
  },
  {
    // Template tests may also run the template through the real engine (src/backtest).
    files: ['strategies/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libsOutsideCore,
          patterns: [
            {
              group: ['exchange', 'db', 'vault', 'sync', 'ui', 'relay', 'host'].flatMap(layer),
              message: 'Template tests use the SDK and src/backtest only.',
            },
          ],
        },
      ],
    },
  },
);
