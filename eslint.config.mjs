import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformPackages = [
  '@forge/*',
  '@aws-sdk/*',
  '@smithy/*',
  'resend',
  'react',
  'react-dom',
  '@react-email/*',
];
const adapterFolders = ['aws', 'confluence', 'store', 'email', 'forge', 'cli', 'local'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'static/**',
      'bin/**',
      'test-output/**',
      '.ci/**',
      'test/corpus/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The core is pure: no platform SDKs, and it never reaches into an adapter.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platformPackages, message: 'src/core must stay free of platform packages.' },
            {
              group: adapterFolders.flatMap((f) => [
                `../${f}/*`,
                `../../${f}/*`,
                `../../../${f}/*`,
                `**/src/${f}/*`,
              ]),
              message: 'src/core must not depend on adapters; adapters depend on the core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Plain scripts the local host serves to the browser as they are (no bundler, no types).
    files: ['**/*.browser.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'script',
      globals: { URL: 'readonly' },
    },
  },
);
