// Lint rules. The layer rule is the one that matters most (docs/architecture.md): each layer of
// src/ imports only the layers below it (eslint-layers.js), and src/domain is pure — it may import
// only itself and the date library, and may not touch the clock, randomness, the environment or
// any I/O. test/architecture.test.ts proves that each rule bites.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersRule } from './eslint-layers.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'bench/results/', 'bench/work/', 'bench/.build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' } },
    plugins: { pace: { rules: { layers: layersRule } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'pace/layers': 'error' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/domain is pure: pass configuration in as arguments.' },
        { name: 'fetch', message: 'src/domain is pure: no I/O.' },
        { name: 'Date', message: 'src/domain uses Temporal.PlainDate; the as-at date is an argument.' },
        { name: 'performance', message: 'src/domain is pure: no clock.' },
        { name: 'crypto', message: 'src/domain is pure: no randomness; pass a seeded generator in.' },
        { name: 'setTimeout', message: 'src/domain is pure: no timers.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'src/domain is pure: pass a seeded generator in.' },
        { object: 'Temporal', property: 'Now', message: 'src/domain is pure: the as-at date is an argument.' },
      ],
    },
  },
);
