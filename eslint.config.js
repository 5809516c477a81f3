// npm run lint. Rules that need no type information only: tsc (TypeScript 7) already type-checks,
// and typescript-eslint's type-aware mode would need TypeScript 6's slower program on every run.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import {defineConfig} from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {ignores: ['dist/', 'coverage/']},
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  {
    languageOptions: {globals: globals.node},
    // A disable comment for a rule that no longer fires is an error: no stale exemptions.
    linterOptions: {reportUnusedDisableDirectives: 'error'},
    rules: {
      // `_` marks a parameter kept for its position (callbacks, interfaces).
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
    },
  },
  {
    // Tests and benchmarks look for terminal escape sequences in what the program wrote.
    files: ['test/**', 'bench/**'],
    rules: {'no-control-regex': 'off'},
  },
);
