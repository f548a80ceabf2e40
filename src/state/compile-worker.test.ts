import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompileCallbacks } from './compile-worker.ts';

/**
 * The worker's own protocol with a stand-in for the browser's Worker: Node has none. What is checked is the order of
 * events around a worker that starts later (a sandboxed embed loads its text first): which job is posted, which one's
 * callbacks are called, which workers are terminated.
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  constructor() { FakeWorker.made.push(this); }
  postMessage(message: unknown) { this.posted.push(message); }
  terminate() { this.terminated = true; }
  reply(data: unknown) { this.onmessage?.({ data }); }
}

let starts: { resolve: (w: FakeWorker) => void; reject: (e: Error) => void }[] = [];
vi.mock('./start-compile-worker.ts', () => ({
  startCompileWorker: () => new Promise((resolve, reject) => starts.push({ resolve, reject })),
}));

const calls = (): CompileCallbacks & { seen: string[] } => {
  const seen: string[] = [];
  return { seen, progress: (r) => seen.push(`progress ${r}`), done: () => seen.push('done'), unavailable: () => seen.push('unavailable') };
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a compile worker that starts later (a sandboxed embed)', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    starts = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('posts the job once the worker has started, and answers it', async () => {
    const { createCompileWorker } = await import('./compile-worker.ts');
    const job = calls();
    createCompileWorker().compile('f = 1', job);
    const w = new FakeWorker();
    starts[0]?.resolve(w);
    await settle();
    expect(w.posted).toEqual([{ job: 1, source: 'f = 1' }]);
    w.reply({ job: 1, kind: 'progress', read: 0.5 });
    w.reply({ job: 1, kind: 'done', result: {} });
    expect(job.seen).toEqual(['progress 0.5', 'done']);
  });

  it('a job cancelled while the worker starts is never posted, and the worker that comes late is terminated', async () => {
    const { createCompileWorker } = await import('./compile-worker.ts');
    const compiler = createCompileWorker();
    const old = calls();
    compiler.compile('f = 1', old)();
    const late = new FakeWorker();
    starts[0]?.resolve(late);
    await settle();
    expect(late.posted).toEqual([]);
    expect(late.terminated).toBe(true);
    expect(old.seen).toEqual([]);
  });

  it('a newer edit while the worker starts gets a worker of its own; the older one never hears back', async () => {
    const { createCompileWorker } = await import('./compile-worker.ts');
    const compiler = createCompileWorker();
    const older = calls();
    const newer = calls();
    compiler.compile('f = 1', older);
    compiler.compile('f = 2', newer);
    const [first, second] = [new FakeWorker(), new FakeWorker()];
    starts[0]?.resolve(first);
    starts[1]?.resolve(second);
    await settle();
    expect(first.terminated).toBe(true);
    expect(first.posted).toEqual([]);
    expect(second.posted).toEqual([{ job: 2, source: 'f = 2' }]);
    second.reply({ job: 2, kind: 'done', result: {} });
    expect(older.seen).toEqual([]);
    expect(newer.seen).toEqual(['done']);
  });

  it('a worker that cannot start sends this job to the page, and every later one at once', async () => {
    const { createCompileWorker } = await import('./compile-worker.ts');
    const compiler = createCompileWorker();
    const first = calls();
    compiler.compile('f = 1', first);
    starts[0]?.reject(new Error('no text here'));
    await settle();
    expect(first.seen).toEqual(['unavailable']);
    const later = calls();
    compiler.compile('f = 2', later);
    expect(later.seen).toEqual(['unavailable']);
    expect(starts).toHaveLength(1);
  });
});
