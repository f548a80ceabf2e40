// The build emits the worker as a classic script of its own (vite.config.ts), same-origin, allowed by script-src 'self'.
// NOTE: its address is read as this one script runs, while `document.currentScript` can still tell where the build's
// files are; `new URL(…, import.meta.url)` written at `new Worker` would be read later, against the page's address.
import workerUrl from '../worker/compile.worker.ts?worker&url';

declare global {
  interface Window { compileWorkerText?: string }
}

/** Beside the worker's script, the build writes its text as a classic script that sets `window.compileWorkerText`. */
export const workerTextUrl = (url: string): string => url.replace(/\.js$/, '.text.js');

let blobUrl: Promise<string> | undefined;

/**
 * A page of the app's own origin starts the worker from its script. An opaque origin (a sandboxed embed) is refused
 * any worker from an address, so it starts one from a blob it makes of the worker's text: that text is loaded only
 * there, once, as a classic script (no CORS request, which a static host would refuse a `null` origin).
 * Rejects where neither can start (the dev server has no text file): the caller compiles on the page.
 */
export function startCompileWorker(): Worker | Promise<Worker> {
  if (self.origin !== 'null') return new Worker(workerUrl, { name: 'compile' });
  blobUrl ??= loadText(workerTextUrl(workerUrl)).then((text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' })));
  return blobUrl.then((url) => new Worker(url, { name: 'compile' }));
}

function loadText(src: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      const text = window.compileWorkerText;
      delete window.compileWorkerText;
      script.remove();
      if (typeof text === 'string') resolve(text);
      else reject(new Error(`${src} loaded without the worker's text`));
    };
    script.onerror = () => reject(new Error(`the worker's text could not be loaded from ${src}`));
    document.head.append(script);
  });
}
