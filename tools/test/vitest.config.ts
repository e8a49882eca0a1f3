import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const root = resolve(__dirname, '../..');
const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8'));
const alias = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>).map(([name, [target]]) => [
    name,
    resolve(root, target),
  ]),
);
// SWC keeps NestJS decorator metadata, which esbuild drops.
const swcPlugin = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
  });

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    reporters: ['default', resolve(root, 'tools/test/summary-reporter.ts')],
    projects: [
      {
        plugins: [swcPlugin()],
        resolve: { alias },
        test: {
          name: 'unit',
          root,
          include: ['libs/**/*.spec.ts', 'apps/engine/src/**/*.spec.ts', 'tools/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [swcPlugin()],
        resolve: { alias },
        test: {
          name: 'studio',
          root,
          include: ['apps/studio/src/**/*.spec.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        plugins: [swcPlugin()],
        resolve: { alias },
        test: {
          name: 'integration',
          root,
          include: ['test/integration/**/*.spec.ts', 'test/browser/**/*.spec.ts'],
          globalSetup: [resolve(root, 'test/support/global-setup.ts')],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One file at a time: each starts its own engine, and two cores are all CI has.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
