import { describe, expect, it, vi } from 'vitest';
import { DEFERRED_BUILD_CHARS, initAppStore } from '../state/store.ts';
import { startBridge } from './bridge.ts';
import { framed } from './fixtures/framed-window.ts';

const HOST = 'https://course.example.edu';
/** A chain of `gates` gates written one statement a line, past the length that is built in the background. */
const statementChainSource = (gates: number) => ['x = 1', ...Array.from({ length: gates / 2 }, (_, i) => `a${i + 1} = ${i ? `a${i}` : 'x'}*1.0001 + 0.1`)].join('\n');
const replies = (app: ReturnType<typeof framed>) => app.posted.filter((p) => 'id' in p.message).map((p) => [p.message.id, p.message.type]);

// Node has no Web Worker: the store compiles on the page and prepares the model in slices, as where no worker runs.
// What is checked is what the host sees: a long load answered once it is built, and everything after it in order.
describe('a host page loading a long source', () => {
  it('is built in the background and answered once built; the requests sent meanwhile are answered after it, in order', async () => {
    const big = statementChainSource(3000);
    expect(big.length).toBeGreaterThan(DEFERRED_BUILD_CHARS);
    const store = initAppStore({ source: 'x = 1; f = x * 2', embed: false });
    const app = framed();
    startBridge(store, app.win, { origin: HOST });
    app.hostSays({ type: 'circuit:load', id: 'big', source: big });
    // The page is not held by the build: the load is not answered yet, and a step asked for meanwhile waits for it.
    expect(store.getState().building).toBe(true);
    app.hostSays({ type: 'circuit:step', id: 'step', to: 'end' });
    app.hostSays({ type: 'circuit:nope', id: 'bad' });
    expect(replies(app)).toEqual([]);
    await vi.waitFor(() => expect(replies(app)).toHaveLength(3), { timeout: 30_000, interval: 5 });
    expect(replies(app)).toEqual([['big', 'circuit:state'], ['step', 'circuit:state'], ['bad', 'circuit:error']]);
    const [load, step] = app.posted.filter((p) => 'id' in p.message).map((p) => p.message);
    expect(load).toMatchObject({ source: big, step: 0 });
    expect(step).toMatchObject({ source: big, step: step?.steps });
    expect(step?.steps).toBeGreaterThan(3000);
    // No state was announced twice: the load's answer carried the new circuit.
    expect(app.of('circuit:state').filter((p) => !('id' in p.message))).toEqual([]);
  });

  it('an error in a long source is the load\'s answer, positioned; a long load after it waits for its own build', async () => {
    const broken = `${statementChainSource(3000)}\nf = a1 +* 2`;
    const store = initAppStore({ source: 'x = 1; f = x * 2', embed: false });
    const app = framed();
    startBridge(store, app.win, { origin: HOST });
    app.hostSays({ type: 'circuit:load', id: 1, source: broken });
    app.hostSays({ type: 'circuit:load', id: 2, source: statementChainSource(3500), step: 4 });
    app.hostSays({ type: 'circuit:get', id: 3 });
    await vi.waitFor(() => expect(replies(app)).toHaveLength(3), { timeout: 30_000, interval: 5 });
    expect(replies(app)).toEqual([[1, 'circuit:error'], [2, 'circuit:state'], [3, 'circuit:state']]);
    const [error, second, got] = app.posted.filter((p) => 'id' in p.message).map((p) => p.message);
    expect(error).toMatchObject({ line: broken.split('\n').length });
    expect(second).toMatchObject({ step: 4 });
    expect(second?.steps).toBeGreaterThan(3500);
    expect(got).toEqual({ ...second, id: 3 });
  });

  it('a request sent while the user\'s long paste or a long link builds waits for it, and describes the new circuit', async () => {
    const big = statementChainSource(3000);
    // A link's long formula is built in the background from the start.
    const store = initAppStore({ source: big, embed: false });
    expect(store.getState()).toMatchObject({ building: true, model: null });
    const app = framed();
    startBridge(store, app.win, { origin: HOST });
    app.hostSays({ type: 'circuit:get', id: 'link' });
    expect(replies(app)).toEqual([]);
    await vi.waitFor(() => expect(replies(app)).toEqual([['link', 'circuit:state']]), { timeout: 30_000, interval: 5 });
    // The user pastes another long formula: a step the host asks for meanwhile is taken in it.
    const pasted = statementChainSource(3200);
    store.getState().setSource(pasted, undefined, 'soon');
    app.hostSays({ type: 'circuit:step', id: 'step', to: 3 });
    expect(replies(app)).toHaveLength(1);
    await vi.waitFor(() => expect(replies(app)).toHaveLength(2), { timeout: 30_000, interval: 5 });
    expect(app.posted.filter((p) => p.message.id === 'step').map((p) => p.message)).toMatchObject([{ type: 'circuit:state', source: pasted, step: 3 }]);
  });
});
