/**
 * Where a sandboxed embed finds the compile worker's text: the build (vite.config.ts) writes it beside the worker's
 * script as a classic script that sets this global, and src/state/start-compile-worker.ts loads and reads it.
 */
export const WORKER_TEXT_GLOBAL = 'compileWorkerText';

/** The text script's address, from the worker script's. */
export const workerTextUrl = (url: string): string => url.replace(/\.js$/, '.text.js');
