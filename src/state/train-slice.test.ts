import { describe, expect, it } from 'vitest';
import { descend, EXAMPLES } from '../core/index.ts';
import { buildStats } from './model.ts';
import { initAppStore, type AppStore } from './store.ts';
import { inputRoles } from './training-session.ts';

const NET = EXAMPLES.find((e) => e.id === 'eleven-line-net')?.source as string;
const loss = (store: AppStore) => store.getState().model?.tape.outputValue as number;
const valueOf = (store: AppStore, name: string) => {
  const model = store.getState().model;
  return Array.from(model?.tape.value(model.circuit.indexById.get(name) as number) ?? []);
};

/** What the animation loop does: a slice of training, then a frame that publishes, until the run ends. */
function runFrames(store: AppStore): number {
  let frames = 0;
  do {
    store.getState().trainWork(8);
    frames++;
  } while (store.getState().trainPublish());
  return frames;
}

describe('the train slice', () => {
  it('trains the 11-line network in place: no compile, the published engines never mutated, every view current', () => {
    const store = initAppStore({ source: NET });
    const { model: first } = store.getState();
    expect(inputRoles(first!, {}).map((r) => [r.name, r.parameter])).toEqual([['X', false], ['y', false], ['syn0', true], ['syn1', true]]);
    const compiles = buildStats.compiles;
    store.getState().trainSteps(1);
    const afterOne = store.getState().model;
    const syn1AfterOne = Array.from(afterOne?.tape.value(afterOne.circuit.indexById.get('syn1') as number) ?? []);
    store.getState().setRunLength(999);
    store.getState().trainRun();
    runFrames(store);
    const state = store.getState();
    expect(buildStats.compiles).toBe(compiles);
    expect(state.model?.circuit).toBe(first?.circuit);
    expect(state.model?.shape).toBe(first?.shape);
    expect(state.training?.last).toBe(1000);
    expect(state.step).toBe(state.model?.schedule.last);
    expect(loss(store)).toBeLessThan(0.01);
    // What was published before is untouched by the training that followed.
    expect(Array.from(afterOne?.tape.value(afterOne.circuit.indexById.get('syn1') as number) ?? [])).toEqual(syn1AfterOne);
    const untrained = descend(NET, { learningRate: 1, steps: 0 });
    expect(first?.tape.outputValue).toBe(untrained.ok ? untrained.losses[0] : NaN);
  });

  it('shows any recorded iteration exactly as descend reaches it, and steps through its passes there', () => {
    const store = initAppStore({ source: NET });
    store.getState().setRunLength(2000);
    store.getState().trainRun();
    const frames = runFrames(store);
    expect(frames).toBeGreaterThan(0);
    const reference = descend(NET, { learningRate: 1, steps: 2000, parameters: ['syn0', 'syn1'] });
    const losses = reference.ok ? reference.losses : [];
    for (const i of [100, 1999, 0, 1000]) {
      store.getState().trainShow(i);
      expect(store.getState().training?.shown).toBe(i);
      expect(loss(store)).toBe(losses[i]);
    }
    store.getState().trainShow(100);
    store.getState().goTo('start');
    store.getState().goTo('next');
    expect(store.getState().step).toBe(1);
    expect(loss(store)).toBe(losses[100]);
    // Training goes on from the head of the run, not from the iteration shown.
    store.getState().trainSteps(1);
    expect(store.getState().training?.last).toBe(2001);
  });

  it('stops at divergence, with NaN or ∞ on the wires and the iteration it happened', () => {
    const store = initAppStore({ source: 'w = [1, -2]\nf = sum(w^4)' });
    store.getState().setLearningRate(5);
    store.getState().trainRun();
    runFrames(store);
    const { training } = store.getState();
    expect(training?.divergedAt).toBeGreaterThan(0);
    expect(training?.last).toBe(training?.divergedAt);
    expect(Number.isFinite(loss(store))).toBe(false);
  });

  it('starts a new run after a value edit elsewhere, resets to the formula, and writes values when asked', () => {
    const store = initAppStore({ source: 'w = [1, -2]\nb = 0.5\nf = sum(w^2) + b^2' });
    store.getState().setTrainParameter('b', true);
    store.getState().setLearningRate(0.25);
    store.getState().trainSteps(2);
    expect(valueOf(store, 'b')).toEqual([0.125]);
    store.getState().trainReset();
    expect(valueOf(store, 'w')).toEqual([1, -2]);
    expect(store.getState().training?.last).toBe(0);
    store.getState().trainSteps(1);
    const compiles = buildStats.compiles;
    expect(store.getState().writeTrainedValues()).toBeNull();
    expect(buildStats.compiles).toBe(compiles + 1);
    expect(store.getState().source).toBe('w = [0.5, -1]\nb = 0.25\nf = sum(w^2) + b^2');
    expect(store.getState().training?.tape).not.toBe(store.getState().model?.tape);
    store.getState().trainSteps(1);
    expect(store.getState().training?.last).toBe(1);
  });
});
