/// <reference types="vite/client" />
import type katex from 'katex';
import { loadScript } from '../state/load-script.ts';

export type Katex = typeof katex;

declare global {
  interface Window { katex?: Katex }
}

/**
 * KaTeX is a classic script and stylesheet beside the app, not part of its bundle: the build is one IIFE, so an
 * `import()` would inline it. The build copies them to `assets/katex/` (see vite.config.ts); dev serves them from the
 * package. Both are same-origin, so the app's CSP (`script-src 'self'`, `font-src 'self'`) allows them.
 */
const BASE = import.meta.env.DEV ? '/node_modules/katex/dist/' : './assets/katex/';

let loading: Promise<Katex> | undefined;

/** Injects KaTeX's script and stylesheet once and resolves with `window.katex`; a failed load stays failed. */
export function loadKatex(doc: Document = document): Promise<Katex> {
  if (window.katex) return Promise.resolve(window.katex);
  const base = new URL(BASE, doc.baseURI).href;
  loading ??= (async () => {
    const style = doc.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${base}katex.min.css`;
    doc.head.append(style);
    await loadScript(`${base}katex.min.js`, doc).catch(() => {
      throw new Error(`KaTeX could not be loaded from ${base}katex.min.js`);
    });
    if (!window.katex) throw new Error('KaTeX loaded without defining window.katex');
    return window.katex;
  })();
  return loading;
}
