import react from '@vitejs/plugin-react-swc';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The officers' web app. `npm run build` writes it to dist/web, which the API serves at `/`;
 * `npm run dev:web` serves it with hot reload on :5173 and forwards /api to the API on :3000
 * (`npm start` in another terminal), so the browser sees one origin as in production.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // The libraries by name, as the Node code imports them (root tsconfig `paths`): the process modules'
    // payload schemas and rules are the API's own, pure TypeScript and zod, safe in the browser.
    alias: [{ find: /^@lienthong\/([a-z0-9-]+)$/, replacement: resolve(import.meta.dirname, '../../libs/$1/src/index.ts') }],
  },
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    // Ant Design is most of the bundle (~1.3 MB, ~400 kB gzipped); one file is fine for an office app.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // A form test types a few dozen keys through Ant Design; on a busy 2-core CI machine with a cold
    // transform cache that can pass Vitest's 5 s default.
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: resolve(import.meta.dirname, '../../test-results/web/vitest.json') }]],
  },
});
