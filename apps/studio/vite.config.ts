import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../..');
const tsconfigBase = JSON.parse(readFileSync(resolve(repoRoot, 'tsconfig.base.json'), 'utf8'));
const workspaceAliases = Object.fromEntries(
  Object.entries(tsconfigBase.compilerOptions.paths as Record<string, string[]>).map(([name, [target]]) => [
    name,
    resolve(repoRoot, target),
  ]),
);

const engine = 'http://localhost:3000';

export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  build: {
    outDir: resolve(repoRoot, 'dist/apps/studio'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry explanatory comments next to @__PURE__ marks; Rollup drops them and says so.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // Anchored patterns: a bare '/t' prefix would also capture the studio's own /templates and /tracking-page routes.
    proxy: {
      '^/api(/|$)': { target: engine },
      '^/t/': { target: engine },
      '^/health(/|$)': { target: engine },
    },
  },
});
