import type { PackedResult } from '../worker/circuit-transfer.ts';
import type { CompileReply, CompileRequest } from '../worker/compile-job.ts';
import { startCompileWorker } from './start-compile-worker.ts';

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
 * Where a worker cannot be made, none is tried again: Node and Vitest have none, and the dev server has no text of it
 * for a sandboxed embed (see start-compile-worker.ts).
 */
export function createCompileWorker(): CompileWorker {
  /** The worker, or its start while a sandboxed embed loads its text; null when none is running. */
  let worker: Worker | Promise<Worker | null> | null = null;
  let broken = typeof Worker !== 'function';
  let job = 0;
  /** The job in flight and its callbacks; null when the worker is idle. */
  let running: { job: number; callbacks: CompileCallbacks } | null = null;

  const wire = (w: Worker): Worker => {
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
      w.terminate();
      giveUp();
    };
    return w;
  };
  const giveUp = () => {
    broken = true;
    worker = null;
    const stranded = running;
    running = null;
    stranded?.callbacks.unavailable();
  };
  const spawn = (): Worker | Promise<Worker | null> | null => {
    try {
      const started = startCompileWorker();
      return started instanceof Promise ? started.then(wire, () => null) : wire(started);
    } catch {
      return null;
    }
  };
  const stop = () => {
    const w = worker;
    worker = null;
    running = null;
    if (w instanceof Promise) void w.then((late) => late?.terminate());
    else w?.terminate();
  };
  /** Posts the job to the worker, at once or when it has started. */
  const post = (w: Worker | Promise<Worker | null> | null, mine: { job: number; callbacks: CompileCallbacks }, source: string) => {
    if (w instanceof Promise) {
      void w.then((late) => {
        if (worker === w) worker = late;
        if (running === mine) post(late, mine, source);
      });
    } else if (w) w.postMessage({ job: mine.job, source } satisfies CompileRequest);
    else giveUp();
  };

  return {
    compile(source, callbacks) {
      // A worker busy with a stale source cannot be interrupted: a fresh one starts at once.
      if (running) stop();
      if (broken) {
        callbacks.unavailable();
        return () => {};
      }
      worker ??= spawn();
      const mine = { job: ++job, callbacks };
      running = mine;
      post(worker, mine, source);
      return () => {
        if (running === mine) stop();
      };
    },
  };
}
