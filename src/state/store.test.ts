import { describe, expect, it } from 'vitest';
import { buildStats } from './model.ts';
import { currentSource, initAppStore } from './store.ts';

const LECTURE_1 = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';
const valueOf = (store: ReturnType<typeof initAppStore>, name: string) => {
  const { model } = store.getState();
  const i = model?.circuit.indexById.get(name) ?? -1;
  return { value: model?.tape.values[i], grad: model?.tape.grads[i] };
};

describe('the app store', () => {
  it('changing a declared input rewrites its number, recomputes, and keeps the step and the drawing', () => {
    const store = initAppStore({ source: LECTURE_1, step: 'end' });
    const before = store.getState();
    expect(store.getState().setInputValue('x', 3)).toBe(true);
    const after = store.getState();
    expect(after.source).toBe('x = 3; y = 5; z = -4\nq = x + y\nf = q * z');
    expect(after.step).toBe(before.step);
    // The same compiled circuit (no recompile, so no relayout), and a new engine: the old state was not mutated.
    expect(after.model?.circuit).toBe(before.model?.circuit);
    expect(after.model?.tape).not.toBe(before.model?.tape);
    expect(before.model?.tape.values[0]).toBe(-2);
    expect(valueOf(store, 'f')).toEqual({ value: -32, grad: 1 });
    expect(valueOf(store, 'z').grad).toBe(8);
    // The rewritten source, compiled afresh, agrees with the tape updated in place.
    const fresh = initAppStore({ source: after.source, step: 'end' });
    expect(valueOf(fresh, 'z')).toEqual(valueOf(store, 'z'));
  });

  it('repeated changes of different lengths keep finding the right number', () => {
    const store = initAppStore({ source: LECTURE_1 });
    for (const v of [0.125, -1000.5, 7, 1e-9]) store.getState().setInputValue('y', v);
    store.getState().setInputValue('z', 2);
    expect(store.getState().source).toBe('x = -2; y = 1e-9; z = 2\nq = x + y\nf = q * z');
    expect(valueOf(store, 'f').value).toBeCloseTo((-2 + 1e-9) * 2, 12);
  });

  it('an input that was only used gets a declaration, keeping the inputs in order', () => {
    const store = initAppStore({ source: 'f = (x + y) * z' });
    store.getState().setInputValue('y', 2);
    expect(store.getState().source).toBe('x = 1; y = 2; z = 1; f = (x + y) * z');
    const { model } = store.getState();
    expect(model?.circuit.inputs.map((i) => model.circuit.nodes[i]?.names[0])).toEqual(['x', 'y', 'z']);
  });

  it('a bad formula keeps the last circuit and refuses value edits until it is fixed', () => {
    const store = initAppStore({ source: LECTURE_1, step: 3 });
    const error = store.getState().setSource('f = (x +');
    expect(error).toMatchObject({ line: 1, column: 9 });
    expect(store.getState().model?.source).toBe(LECTURE_1);
    expect(store.getState().step).toBe(3);
    expect(store.getState().setInputValue('x', 1)).toBe(false);
  });

  it('expanding σ keeps the step on the same computation', () => {
    const store = initAppStore({ source: 'a = 2; b = -1\nf = sigmoid(a * b) * 3', step: 2 });
    expect(store.getState().model?.schedule.step(2).phase).toBe('forward');
    store.getState().setExpandSigmoid(true);
    const { model, step } = store.getState();
    expect(model?.circuit.nodes[model.schedule.step(step).node]?.id).toBe('f~2');
    expect(model?.schedule.step(step).phase).toBe('forward');
  });

  it('stepping stays within the schedule and playing stops at the end', () => {
    const store = initAppStore({ source: LECTURE_1 });
    const last = store.getState().model?.schedule.last as number;
    store.getState().goTo('prev');
    expect(store.getState().step).toBe(0);
    store.getState().setPlaying(true);
    store.getState().goTo('end');
    expect(store.getState()).toMatchObject({ step: last, playing: false });
    store.getState().goTo(1e9);
    expect(store.getState().step).toBe(last);
  });

  it('"as scalars" at mid-backward keeps the step on the same gate, with the same numbers, and never recompiles', () => {
    const NORM = 'W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)';
    const store = initAppStore({ source: NORM, step: 'end' });
    const tensor = store.getState().model;
    // The last backward step is the @ gate's.
    const atMatmul = tensor?.schedule.last as number;
    expect(tensor?.circuit.nodes[tensor.schedule.step(atMatmul).node]?.id).toBe('q');
    store.getState().goTo(atMatmul);
    const compiles = buildStats.compiles;
    store.getState().setAsScalars(true);
    const scalars = store.getState();
    const node = scalars.model?.circuit.nodes[scalars.model.schedule.step(scalars.step).node];
    expect(scalars.model?.schedule.step(scalars.step).phase).toBe('backward');
    expect(node?.group).toBe('q');
    expect(scalars.model?.circuit.nodes.filter((n) => n.op === 'mul')).toHaveLength(4);
    expect(scalars.model?.tape.outputValue).toBe(tensor?.tape.outputValue);
    store.getState().setAsScalars(false);
    expect(store.getState().model?.circuit.nodes[store.getState().model?.schedule.step(store.getState().step).node ?? 0]?.id).toBe('q');
    store.getState().setExpandSigmoid(true);
    expect(buildStats.compiles).toBe(compiles);
  });

  it('a scalar input keeps its edited value when the view is toggled', () => {
    const store = initAppStore({ source: 'x = [1, 2]; b = 3; f = sum(x * b)' });
    store.getState().setInputValue('b', 5);
    store.getState().setAsScalars(true);
    expect(store.getState().model?.tape.outputValue).toBe(15);
    expect(store.getState().setInputValue('x[0]', 2)).toBe(false);
  });

  it('a 100-tick drag recomputes every tick with no compile and no source rewrite, then commits once', () => {
    const store = initAppStore({ source: LECTURE_1, step: 'end' });
    const compiles = buildStats.compiles;
    let rewrites = 0;
    let models = 0;
    store.subscribe((state, previous) => {
      if (state.source !== previous.source) rewrites++;
      if (state.model !== previous.model) models++;
    });
    const shape = store.getState().model?.shape;
    const first = store.getState().model;
    const firstValues = Array.from(first?.tape.values ?? []);
    for (let tick = 1; tick <= 100; tick++) {
      const x = -2 + tick * 0.05;
      expect(store.getState().previewInput('x', x)).toBe(true);
      // Every frame shows the right numbers: f = (x + y) z and ∂f/∂x = z.
      expect(valueOf(store, 'f').value).toBeCloseTo((x + 5) * -4, 12);
      expect(valueOf(store, 'z').grad).toBeCloseTo(x + 5, 12);
    }
    expect(rewrites).toBe(0);
    expect(models).toBe(100);
    expect(store.getState().model?.shape).toBe(shape);
    expect(store.getState().source).toBe(LECTURE_1);
    // The link carries the value being dragged before it is committed.
    expect(currentSource(store.getState())).toBe(LECTURE_1.replace('x = -2', 'x = 3'));
    // Nothing published was changed afterwards.
    expect(Array.from(first?.tape.values ?? [])).toEqual(firstValues);
    store.getState().commitInputs();
    expect(rewrites).toBe(1);
    expect(store.getState().source).toBe(LECTURE_1.replace('x = -2', 'x = 3'));
    expect(buildStats.compiles).toBe(compiles);
    store.getState().commitInputs();
    expect(rewrites).toBe(1);
  });

  it('a drag of an undeclared input declares it once, on commit', () => {
    const store = initAppStore({ source: 'f = (x + y) * z' });
    for (const v of [1.5, 2, 2.5]) store.getState().previewInput('y', v);
    expect(store.getState().source).toBe('f = (x + y) * z');
    store.getState().commitInputs();
    expect(store.getState().source).toBe('x = 1; y = 2.5; z = 1; f = (x + y) * z');
    expect(store.getState().pending).toEqual({});
  });
});
