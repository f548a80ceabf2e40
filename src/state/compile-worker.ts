import type { PackedResult } from '../worker/circuit-transfer.ts';
import type { CompileReply, CompileRequest } from '../worker/compile-job.ts';
// The build emits the worker as a classic script of its own (vite.config.ts), same-origin, allowed by script-src 'self'.
// NOTE: its address is read as this one script runs, while `document.currentScript` can still tell where the build's
// files are; `new URL(…, import.meta.url)` written at `new Worker` would be read later, against the page's address.
import workerUrl from '../worker/compile.worker.ts?worker&url';

export interface CompileCallbacks {
  /** The worker has read this share of the source. */
  progress(read: number): void;
  done(result: PackedResult): void;
  /** No worker can run here, or it failed: the caller compiles on the page instead. */
  unavailable(): void;
}

/** Compiles sources in a Web Worker, one job at a time; starting a job cancels the one before. */
export interface CompileWorker {
  /** Returns a cancel: the job's callbacks are never called after it. */
  compile(source: string, callbacks: CompileCallbacks): () => void;
}

/**
 * Where a worker cannot be made, none is tried again: Node and Vitest have none, and a sandboxed embed (an opaque
 * origin) is refused a same-origin script with a SecurityError.
 */
export function createCompileWorker(): CompileWorker {
  let worker: Worker | null = null;
  let broken = typeof Worker !== 'function';
  let job = 0;
  /** The job in flight and its callbacks; null when the worker is idle. */
  let running: { job: number; callbacks: CompileCallbacks } | null = null;

  const spawn = (): Worker | null => {
    try {
      const w = new Worker(workerUrl, { name: 'compile' });
      w.onmessage = (event: MessageEvent<CompileReply>) => {
        const reply = event.data;
        if (!running || reply.job !== running.job) return;
        if (reply.kind === 'progress') return running.callbacks.progress(reply.read);
        const { callbacks } = running;
        running = null;
        callbacks.done(reply.result);
      };
      // A script that does not load (or dies): this job and all later ones are compiled on the page.
      w.onerror = (event) => {
        event.preventDefault();
        broken = true;
        w.terminate();
        worker = null;
        const stranded = running;
        running = null;
        stranded?.callbacks.unavailable();
      };
      return w;
    } catch {
      broken = true;
      return null;
    }
  };

  return {
    compile(source, callbacks) {
      if (running) {
        // The worker is busy with a stale source and cannot be interrupted: a fresh one starts at once.
        worker?.terminate();
        worker = null;
        running = null;
      }
      if (!broken) worker ??= spawn();
      if (!worker) {
        callbacks.unavailable();
        return () => {};
      }
      const mine = { job: ++job, callbacks };
      running = mine;
      worker.postMessage({ job: mine.job, source } satisfies CompileRequest);
      return () => {
        if (running !== mine) return;
        worker?.terminate();
        worker = null;
        running = null;
      };
    },
  };
}
