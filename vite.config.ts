/**
 * The web UI: a plain Svelte 5 SPA in web/, built into dist/web, which Fastify serves (server/app.ts).
 * `npx vite` runs the dev server on :5173 and proxies the API to a server started on :3000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const API = 'http://127.0.0.1:3000';

export default defineConfig({
  // Absolute, so the build works from any working directory (tests call vite's build()).
  root: fileURLToPath(new URL('./web', import.meta.url)),
  // No svelte.config.js: Svelte 5 compiles <script lang="ts"> itself, defaults suffice.
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // The CodeMirror chunk (~400 KB, ~130 KB gzipped) loads only on the Rules and Prompts pages.
    chunkSizeWarningLimit: 450,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/docs': { target: API, changeOrigin: false },
    },
  },
});
