import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import postino from './tools/eslint/feature-imports.mjs';

const serverOnly = ['@nestjs/*', 'typeorm', 'pg', 'bull', 'ioredis', 'express', 'nodemailer', 'smtp-server'];
const browserOnly = ['react', 'react-dom', 'react-router-dom', '@xyflow/*', 'grapesjs', 'grapesjs-*'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [...serverOnly, ...browserOnly],
            },
            {
              sourceTag: 'type:contract',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract'],
              bannedExternalImports: [...serverOnly, ...browserOnly],
            },
            {
              sourceTag: 'platform:node',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract'],
              bannedExternalImports: browserOnly,
            },
            {
              sourceTag: 'platform:browser',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract'],
              bannedExternalImports: serverOnly,
            },
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract', 'type:tooling'],
              bannedExternalImports: browserOnly,
            },
          ],
        },
      ],
    },
  },
  {
    plugins: { postino },
    files: ['apps/studio/src/features/**/*.{ts,tsx}'],
    rules: { 'postino/feature-public-imports': 'error' },
  },
  {
    // Tests read response bodies as whatever JSON the endpoint returned and assert on their fields.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
