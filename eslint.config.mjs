import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ENGINE_BOUNDARY = {
  group: ['**/diagnosis/*', '!**/diagnosis/index'],
  message: 'Import the engine from its public surface, src/diagnosis (index.ts).',
};

/**
 * no-restricted-imports for `files`: the engine boundary always (a later block replaces the
 * rule's options, so each repeats it), plus the `forbidden` import paths of that layer.
 */
function layer(files, ignores, forbidden = [], message = '') {
  const patterns = [ENGINE_BOUNDARY, ...(forbidden.length ? [{ group: forbidden, message }] : [])];
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'dist-playground/**',
      'packages/*/dist/**',
      'node_modules/**',
      'coverage/**',
      'jest.config.js',
      'eslint.config.mjs',
      'test/leak/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      // Dependencies point one way: no module may reach itself again through its imports.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Async methods that implement a Promise-returning interface need no await of their own.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript (the playground's browser script, a PowerShell-parser child) has no types to check.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // The engine's boundary: outside src/diagnosis/, only its public surface (index.ts).
  layer(['src/**/*.ts'], ['src/diagnosis/**']),
  // The Slack layer's kinds point one way: listeners → features → platform → blocks.
  layer(
    ['src/slack/blocks/**/*.ts'],
    [],
    ['../**'],
    'src/slack/blocks/ holds Block Kit primitives and limits only: it imports nothing else of tfauth.',
  ),
  layer(
    ['src/slack/platform/**/*.ts'],
    [],
    ['**/features/**', '**/listeners/**', '**/app'],
    'src/slack/platform/ is the plumbing features and listeners build on: it imports neither.',
  ),
  layer(
    ['src/slack/features/**/*.ts'],
    [],
    ['**/listeners/**', '**/app'],
    'Features are reached from listeners, never the reverse.',
  ),
  {
    files: [
      'src/cli.ts',
      'src/cli/**',
      'bench/**',
      'test/**',
      'src/main.ts',
      'playground/**',
      'packages/*/test/**',
      'scripts/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests poke at payloads and mocks: the unsafe-any family would only add casts there.
    files: ['test/**', 'bench/**', 'playground/**', 'packages/*/test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
