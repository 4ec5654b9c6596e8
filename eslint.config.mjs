// Lint rules for the whole project. Formatting is Prettier's job (npm run format); ESLint checks code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'demo-output/', 'bench-output/', 'templates/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**', 'tests/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: 'Wait for a condition (expect.poll, waitFor*) instead of sleeping.',
        },
      ],
      // File-name sanitising strips control characters on purpose.
      'no-control-regex': 'off',
      // Chinese text uses the ideographic space (U+3000) in strings and templates.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-console': 'off',
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // Benchmarks measure frames over a fixed span of time, so they do sleep; the probe runs in the page.
    files: ['bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['bench/grid-probe.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
