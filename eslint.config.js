// Lint rules. The layer rule is the one that matters most: src/domain is pure (ARCHITECTURE.md),
// so it may import only itself and the date library, and may not touch the clock, randomness,
// the environment or any I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const otherLayers = ['store', 'ingest', 'charts', 'exports', 'web', 'cli', 'demo'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'bench/results/', 'bench/work/', 'bench/.build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'process'], message: 'src/domain is pure: no I/O or Node built-ins.' },
          { group: ['kysely', 'pg', 'better-sqlite3', 'fastify', '@fastify/*', 'preact', 'preact/*', 'exceljs', 'csv-parse', 'csv-parse/*', 'commander', '@observablehq/*', 'linkedom'], message: 'src/domain may not depend on storage, web, files or charts.' },
          { group: otherLayers.flatMap((layer) => [`../${layer}`, `../${layer}/*`, `../../${layer}`, `../../${layer}/*`]), message: 'src/domain may import only from src/domain (ARCHITECTURE.md).' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/domain is pure: pass configuration in as arguments.' },
        { name: 'fetch', message: 'src/domain is pure: no I/O.' },
        { name: 'Date', message: 'src/domain uses Temporal.PlainDate; the as-at date is an argument.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'src/domain is pure: pass a seeded generator in.' },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/ingest/**/*.ts', 'src/charts/**/*.ts', 'src/exports/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../web', '../web/*', '../cli', '../cli/*'], message: 'Arrows point inward: only web and cli may import web or cli.' },
        ],
      }],
    },
  },
);
