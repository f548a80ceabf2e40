// The build emits the worker as a classic script of its own (vite.config.ts), same-origin, allowed by script-src 'self'.
// NOTE: its address is read as this one script runs, while `document.currentScript` can still tell where the build's
// files are; `new URL(…, import.meta.url)` written at `new Worker` would be read later, against the page's address.
import workerUrl from '../worker/compile.worker.ts?worker&url';
import { WORKER_TEXT_GLOBAL, workerTextUrl } from '../worker/worker-text.ts';
import { loadScript } from './load-script.ts';

declare global {
  interface Window { [WORKER_TEXT_GLOBAL]?: string }
}

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

async function loadText(src: string): Promise<string> {
  const script = await loadScript(src);
  const text = window[WORKER_TEXT_GLOBAL];
  delete window[WORKER_TEXT_GLOBAL];
  script.remove();
  if (typeof text !== 'string') throw new Error(`${src} loaded without the worker's text`);
  return text;
}
