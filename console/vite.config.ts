import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into console/dist and served by the service itself at /console (src/http/console).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
