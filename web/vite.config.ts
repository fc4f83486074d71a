/** Vite build of the web app: root is web/, output web/dist, the API proxied to a local `cablegraph serve` in dev. */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built pages run only their own bundled scripts. Dev mode needs Vite's inline preamble, so the policy is added at build time only.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Adds the Content-Security-Policy meta tag to the built index.html: a second wall behind "document text is never HTML". */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cablegraph-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), contentSecurityPolicy()],
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
