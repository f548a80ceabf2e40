import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildStats } from './model.ts';
import { DEFERRED_BUILD_CHARS, DEFERRED_BUILD_PAUSE_MS, initAppStore } from './store.ts';

/** A valid formula of at least `chars` characters. */
const longSource = (chars: number) => `x = 0.5\nf = ${'x + '.repeat(Math.ceil(chars / 4))}x`;

describe('a long source typed in the editor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is shown at once and compiled once the typing pauses', () => {
    const store = initAppStore({ source: 'x = 1\nf = x * 2' });
    const before = store.getState().model;
    const source = longSource(DEFERRED_BUILD_CHARS);
    expect(store.getState().setSource(source, undefined, 'soon')).toBeNull();
    expect(store.getState()).toMatchObject({ source, building: true, model: before });
    vi.advanceTimersByTime(DEFERRED_BUILD_PAUSE_MS + 1);
    expect(store.getState().building).toBe(false);
    expect(store.getState().model?.source).toBe(source);
  });

  it('is compiled once for a burst of edits: each newer edit cancels the build of the one before', () => {
    const store = initAppStore({ source: 'x = 1\nf = x * 2' });
    const compiles = buildStats.compiles;
    const source = longSource(DEFERRED_BUILD_CHARS);
    for (let i = 0; i < 5; i++) {
      store.getState().setSource(`${source} + ${i}`, undefined, 'soon');
      vi.advanceTimersByTime(DEFERRED_BUILD_PAUSE_MS / 2);
    }
    vi.advanceTimersByTime(DEFERRED_BUILD_PAUSE_MS + 1);
    expect(buildStats.compiles - compiles).toBe(1);
    expect(store.getState().model?.source).toBe(`${source} + 4`);
  });

  it('loses to a short edit that follows it: the short one is built at once and stays', () => {
    const store = initAppStore({ source: 'x = 1\nf = x * 2' });
    store.getState().setSource(longSource(DEFERRED_BUILD_CHARS), undefined, 'soon');
    store.getState().setSource('a = 3\nf = a * 4', undefined, 'soon');
    expect(store.getState()).toMatchObject({ building: false, source: 'a = 3\nf = a * 4' });
    vi.advanceTimersByTime(10 * DEFERRED_BUILD_PAUSE_MS);
    expect(store.getState().model?.source).toBe('a = 3\nf = a * 4');
    expect(store.getState().model?.tape.outputValue).toBe(12);
  });

  it('is built at once when it comes from anywhere but the editor (a link, a host page, an example)', () => {
    const store = initAppStore({ source: 'x = 1\nf = x * 2' });
    const source = longSource(DEFERRED_BUILD_CHARS);
    store.getState().setSource(source);
    expect(store.getState()).toMatchObject({ building: false });
    expect(store.getState().model?.source).toBe(source);
  });

  it('reports its error once built, and the model stays the last one that worked', () => {
    const store = initAppStore({ source: 'x = 1\nf = x * 2' });
    const before = store.getState().model;
    store.getState().setSource(`${longSource(DEFERRED_BUILD_CHARS)} +`, undefined, 'soon');
    expect(store.getState().error).toBeNull();
    vi.advanceTimersByTime(DEFERRED_BUILD_PAUSE_MS + 1);
    expect(store.getState().error?.message).toMatch(/expected/);
    expect(store.getState()).toMatchObject({ building: false, model: before });
  });
});
