import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Imports flow one way: core ← layout ← worker ← state ← render ← ui ← embed/main ← bench. The worker folder holds what
// a Web Worker runs (it compiles): only the core, never the page's state or views. A folder never imports from one to its
// right; every folder has its rule.
const forbid = (...folders) =>
  folders.map((f) => ({ group: [`**/${f}`, `**/${f}/**`], message: `this folder must not import from src/${f}` }));
const framework = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'keep the core free of React' },
  { group: ['d3', 'd3-*'], message: 'keep the core free of D3' },
  { group: ['zustand', 'zustand/*'], message: 'keep the core free of state libraries' },
];

export default tseslint.config(
  { ignores: ['dist/', 'test-results/', 'playwright-report/', 'bench-results/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/embed/**/*.ts'], ...reactHooks.configs.flat.recommended },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      'no-script-url': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [...framework, ...forbid('layout', 'worker', 'state', 'render', 'ui', 'embed')] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location'],
    },
  },
  {
    files: ['src/layout/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...framework, ...forbid('worker', 'state', 'render', 'ui', 'embed')] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location'],
    },
  },
  {
    // A worker has no document or window; what it runs is the core and the glue around it.
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...framework, ...forbid('layout', 'state', 'render', 'ui', 'embed', 'bench')] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    ignores: ['src/state/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbid('render', 'ui', 'embed', 'bench') }] },
  },
  {
    // A test of the state may build its big sources with the bench's generators; the app never ships them.
    files: ['src/state/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbid('render', 'ui', 'embed') }] },
  },
  {
    files: ['src/render/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbid('ui', 'embed', 'bench') }] },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbid('embed', 'bench') }] },
  },
  {
    // The embed layer sits on top of the app; only the benchmarks (which import whatever they measure) are above it.
    files: ['src/embed/**/*.ts', 'src/embed/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbid('bench') }] },
  },
);
