/** Vite build of the web app: root is web/, output web/dist, the API proxied to a local `cablegraph serve` in dev. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The Content-Security-Policy is sent by the server as a header on every response (src/server/security.ts), where it
// can also forbid framing (frame-ancestors), which a <meta> tag cannot. Dev mode (Vite's server) runs without one.

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Inline nothing as data: URLs except tiny assets; no outside requests either way.
    assetsInlineLimit: 4096,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:7878', changeOrigin: false } },
  },
});
