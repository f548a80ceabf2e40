import { describe, expect, it } from 'vitest';
import { snapshotAt, wireName } from '../core/index.ts';
import { buildModel, type Model } from '../state/model.ts';
import { hiddenLabels } from '../state/quiz-selectors.ts';
import { initAppStore } from '../state/store.ts';
import { QUESTION_MARK, wireLabels } from './labels.ts';
import { StepCells } from './wire-cells.ts';

const modelOf = (source: string): Model => {
  const built = buildModel(source, {});
  if (!built.ok) throw new Error(built.error.message);
  return built.model;
};
const SOURCES = [
  'x = -2; y = 5; z = -4; f = (x + y) * z',
  // A wire that fans out: its gradient is a partial sum for a few steps.
  'x = 3; a = x * x; b = a + x; f = b * a',
  'w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3\nf = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))',
];

describe('the table’s cells follow the drawing’s labels', () => {
  for (const source of SOURCES) {
    it(`at every step of ${source.split('\n').at(-1)}`, () => {
      const model = modelOf(source);
      const names = model.circuit.nodes.map(wireName);
      for (let step = 0; step <= model.schedule.last; step++) {
        const snapshot = snapshotAt(model.tape, model.schedule, step);
        const labels = wireLabels(model.tape, snapshot, names);
        const cells = new StepCells(model.tape, snapshot, names);
        for (let i = 0; i < model.circuit.nodes.length; i++) {
          const value = cells.value(i);
          const grad = cells.grad(i);
          expect(value.state === 'pending' ? '' : value.text).toBe(labels.value[i]);
          expect(grad.state === 'pending' ? '' : grad.text).toBe(labels.grad[i] ? `${labels.grad[i]}${labels.partial[i] ? ' + …' : ''}` : '');
          if (value.state === 'known') expect(value.full).toBe(labels.full('value', i));
          if (grad.state === 'known') expect(grad.full).toBe(labels.full('grad', i));
        }
      }
    });
  }

  it('say “not yet computed” for a wire the step has not reached', () => {
    const model = modelOf(SOURCES[0] as string);
    const cells = new StepCells(model.tape, snapshotAt(model.tape, model.schedule, 0), model.circuit.nodes.map(wireName));
    const f = model.circuit.output;
    expect(cells.value(f)).toEqual({ state: 'pending', text: '', full: 'not yet computed' });
    expect(cells.value(0)).toMatchObject({ state: 'known', text: '-2.00' });
  });

  it('show the quiz’s question as ? exactly where the drawing does, and the answer once it is given', () => {
    const store = initAppStore({ source: SOURCES[0] as string, quiz: true, step: 1 });
    const cellsNow = () => {
      const s = store.getState();
      const m = s.model as Model;
      const names = m.circuit.nodes.map(wireName);
      const snapshot = snapshotAt(m.tape, m.schedule, s.step);
      return { cells: new StepCells(m.tape, snapshot, names, hiddenLabels(s)), labels: wireLabels(m.tape, snapshot, names, hiddenLabels(s)) };
    };
    const { cells, labels } = cellsNow();
    const asked = labels.value.indexOf(QUESTION_MARK);
    expect(asked).toBeGreaterThan(0);
    expect(cells.value(asked)).toMatchObject({ state: 'asked', text: '?' });
    store.getState().submitGuess('3');
    expect(cellsNow().cells.value(asked)).toMatchObject({ state: 'known', text: '3.00' });
  });

  it('summarise a tensor: its numbers when few, else its range; its shape hidden while the quiz has not reached it', () => {
    const source = 'W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)';
    const model = modelOf(source);
    const names = model.circuit.nodes.map(wireName);
    const cells = new StepCells(model.tape, snapshotAt(model.tape, model.schedule, model.schedule.last), names);
    const w = model.circuit.indexById.get('W') as number;
    expect(cells.value(w).text).toBe('[[0.10, 0.50], [-0.30, 0.80]]');
    expect(cells.shape(w)).toBe('2×2');
    expect(cells.grad(w).full).toMatch(/^∂f\/∂W: min .*, max .*, mean /);
    const big = modelOf('x = randn(64)\nf = sum(x * x)');
    const bx = big.circuit.indexById.get('x') as number;
    const bigCells = new StepCells(big.tape, snapshotAt(big.tape, big.schedule, 0), big.circuit.nodes.map(wireName));
    expect(bigCells.value(bx).text).toMatch(/^−?\d+\.\d … −?\d+\.\d$/);
    const store = initAppStore({ source, quiz: true });
    const s = store.getState();
    const m = s.model as Model;
    const quizCells = new StepCells(m.tape, snapshotAt(m.tape, m.schedule, 0), names, hiddenLabels(s));
    expect(quizCells.shape(m.circuit.indexById.get('q') as number)).toBe('?');
    expect(quizCells.shape(w)).toBe('2×2');
  });
});
