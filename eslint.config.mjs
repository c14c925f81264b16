import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'dist-playground/**',
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
  {
    // The engine's boundary: outside src/diagnosis/, only its public surface (index.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/diagnosis/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/diagnosis/*', '!**/diagnosis/index'],
              message: 'Import the engine from its public surface, src/diagnosis (index.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli.ts', 'src/cli/**', 'bench/**', 'test/**', 'src/main.ts', 'playground/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests poke at payloads and mocks: the unsafe-any family would only add casts there.
    files: ['test/**', 'bench/**', 'playground/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
