/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { WORKER_TEXT_GLOBAL, workerTextUrl } from './src/worker/worker-text.ts';

/** The built app forbids eval and foreign scripts; the dev server needs its inline preamble, so only the build gets it. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'";
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

/**
 * A sandboxed embed may start no worker from an address, only from a blob (src/state/start-compile-worker.ts): beside
 * the compile worker's script goes its text, as a classic script that sets a global (src/worker/worker-text.ts), loaded only there.
 */
const workerText = (): Plugin => ({
  name: 'worker-text',
  apply: 'build',
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      const workers = Object.values(bundle).filter((file) => /^assets\/compile\.worker-[\w-]+\.js$/.test(file.fileName));
      if (workers.length !== 1) throw new Error(`the build made ${workers.length} compile workers, not one`);
      const [worker] = workers as [(typeof workers)[number]];
      const code = worker.type === 'chunk' ? worker.code : String(worker.source);
      const text = code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      this.emitFile({ type: 'asset', fileName: workerTextUrl(worker.fileName), source: `window.${WORKER_TEXT_GLOBAL} = ${JSON.stringify(text)};\n` });
    },
  },
});

/**
 * KaTeX is loaded only where maths is typeset (src/ui/load-katex.ts), as a same-origin classic script: the one IIFE
 * this build makes would inline an `import()`. The build copies its script, its stylesheet with only the woff2 fonts
 * (every browser that runs the app reads woff2) and those fonts to `assets/katex/`.
 */
const katexAssets = (): Plugin => ({
  name: 'katex-assets',
  apply: 'build',
  generateBundle() {
    const dist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.js'));
    const emit = (name: string, source: string | Uint8Array) => this.emitFile({ type: 'asset', fileName: `assets/katex/${name}`, source });
    emit('katex.min.js', readFileSync(`${dist}/katex.min.js`, 'utf8'));
    const css = readFileSync(`${dist}/katex.min.css`, 'utf8').replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '');
    const fonts = new Set([...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1] as string));
    for (const font of fonts) if (!/^fonts\/[\w-]+\.woff2$/.test(font)) throw new Error(`katex.min.css refers to ${font}, which the build does not copy`);
    emit('katex.min.css', css);
    for (const font of fonts) emit(font, readFileSync(`${dist}/${font}`));
  },
});

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), classicScript(), katexAssets(), workerText()],
  base: './',
  build: { target: 'es2022', sourcemap: true, modulePreload: false, rollupOptions: { output: { format: 'iife' } } },
  // The compile worker (src/state/compile-worker.ts) is a classic script too: a sandboxed embed's rules are the page's.
  worker: { format: 'iife' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Property tests and the lint-based import rules take seconds on a busy 2-core machine; 5 s failed them there.
    testTimeout: 30_000,
  },
});
