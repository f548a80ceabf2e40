import { describe, expect, it, vi } from 'vitest';
import { statementChainSource } from '../bench/generate-sources.ts';
import { buildStats } from './model.ts';
import { createAppStore, type AppStore } from './store.ts';

/** Every source whose model the store published, in order. */
function publishedSources(store: AppStore): string[] {
  const shown: string[] = [];
  store.subscribe((state, before) => {
    if (state.model && state.model !== before.model) shown.push(state.model.source);
  });
  return shown;
}

// Node has no Web Worker: the store compiles on the page and prepares the model a slice per task, as a sandboxed
// embed does. The worker's own path is checked in a real browser (e2e/big-inputs.spec.ts).
describe('a newer edit cancels a big build in flight', () => {
  it('while the older one is being prepared in slices: the older is never shown, the newer is', async () => {
    const store = createAppStore({ source: '' });
    store.getState().setSource('x = 1\nf = x * 2');
    const shown = publishedSources(store);
    const older = statementChainSource(50_000);
    const newer = `${statementChainSource(40_000)}\nf = a20000 * 3`;
    store.getState().setSource(older, undefined, 'soon');
    await vi.waitFor(() => expect(store.getState().buildProgress?.phase).toBe('preparing'), { timeout: 30_000, interval: 1 });
    // The older compile is done and its slices are pending: the page has not shown it.
    expect(store.getState()).toMatchObject({ building: true, source: older });
    expect(store.getState().model?.source).toBe('x = 1\nf = x * 2');
    const compiles = buildStats.compiles;
    store.getState().setSource(newer, undefined, 'soon');
    expect(store.getState()).toMatchObject({ building: true, buildProgress: { phase: 'compiling' }, source: newer });
    await vi.waitFor(() => expect(store.getState().building).toBe(false), { timeout: 30_000, interval: 5 });
    expect(shown).toEqual([newer]);
    expect(buildStats.compiles - compiles).toBe(1);
    expect(store.getState().model?.circuit.outputName).toBe('f');
    expect(store.getState().model?.tape.outputValue).toBeCloseTo(3 * store.getState().model!.tape.values[store.getState().model!.circuit.indexById.get('a20000')!]!, 9);
    // Nothing of the older build runs later.
    await new Promise((r) => setTimeout(r, 200));
    expect(shown).toEqual([newer]);
  });

  it('a short edit after a big one is shown at once, and the big one never', async () => {
    const store = createAppStore({ source: '' });
    store.getState().setSource('x = 1\nf = x * 2');
    const shown = publishedSources(store);
    store.getState().setSource(statementChainSource(50_000), undefined, 'soon');
    await vi.waitFor(() => expect(store.getState().buildProgress?.phase).toBe('preparing'), { timeout: 30_000, interval: 1 });
    expect(store.getState().setSource('a = 3\nf = a * 4', undefined, 'soon')).toBeNull();
    expect(store.getState()).toMatchObject({ building: false, buildProgress: null });
    expect(store.getState().model?.tape.outputValue).toBe(12);
    await new Promise((r) => setTimeout(r, 500));
    expect(shown).toEqual(['a = 3\nf = a * 4']);
  });
});
