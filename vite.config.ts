/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The built app forbids eval and foreign scripts; the dev server needs its inline preamble, so only the build gets it. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";
const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
});

/**
 * A sandboxed embed (`sandbox="allow-scripts"`) has an opaque origin, so module scripts and `crossorigin` styles
 * would be CORS requests that most static hosts refuse. One classic deferred script needs no such header.
 */
const classicScript = (): Plugin => ({
  name: 'classic-script',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => html.replace(/<script type="module" crossorigin /g, '<script defer ').replace(/ crossorigin(?=[ >])/g, ''),
  },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), classicScript()],
  base: './',
  build: { target: 'es2022', sourcemap: true, modulePreload: false, rollupOptions: { output: { format: 'iife' } } },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
