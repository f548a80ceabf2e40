import { describe, expect, it } from 'vitest';
import { initAppStore } from '../state/store.ts';
import { caretAfterChange, SourceHistory, textChange } from './source-history.ts';
import { gateRange } from './gate-range.ts';

/** A store and its history on a clock the test moves by hand. */
function setup(source = 'x = 1\nf = x * 2') {
  const store = initAppStore({ source });
  let time = 0;
  const history = new SourceHistory(store, () => time);
  const type = (text: string, after = 50) => {
    time += after;
    history.edit('typing', () => store.getState().setSource(text));
  };
  const app = (text: string, after = 50) => {
    time += after;
    store.getState().setSource(text);
  };
  return { store, history, type, app, source: () => store.getState().source };
}

describe('the formula’s undo history', () => {
  it('takes back a burst of typing in one step, and a pause starts another', () => {
    const h = setup('f = x');
    h.type('f = x ');
    h.type('f = x *');
    h.type('f = x * 2');
    h.type('f = x * 2 + 1', 2000);
    h.history.undo();
    expect(h.source()).toBe('f = x * 2');
    h.history.undo();
    expect(h.source()).toBe('f = x');
    expect(h.history.canUndo).toBe(false);
    h.history.redo();
    h.history.redo();
    expect(h.source()).toBe('f = x * 2 + 1');
  });

  it('makes a change by the app (an example, a value edit) one step, and a drag’s many rewrites one step', () => {
    const h = setup('a = 1\nf = a * 3');
    h.type('a = 1\nf = a * 3 + 1');
    h.app('x = -2; y = 5\nf = x * y', 1500);
    for (let k = 0; k < 30; k++) h.app(`x = ${k}; y = 5\nf = x * y`, k === 0 ? 1500 : 16);
    h.history.undo();
    expect(h.source()).toBe('x = -2; y = 5\nf = x * y');
    h.history.undo();
    expect(h.source()).toBe('a = 1\nf = a * 3 + 1');
    h.history.undo();
    expect(h.source()).toBe('a = 1\nf = a * 3');
  });

  it('switching between typing and deleting, or pasting, starts a new step; typing after an undo drops the redo', () => {
    const h = setup('f = x');
    h.type('f = xy');
    h.type('f = x');
    h.history.edit('paste', () => h.store.getState().setSource('f = x + pasted'));
    h.history.undo();
    expect(h.source()).toBe('f = x');
    h.history.undo();
    expect(h.source()).toBe('f = xy');
    h.type('f = xyz');
    expect(h.history.canRedo).toBe(false);
    h.history.undo();
    expect(h.source()).toBe('f = xy');
  });

  it('puts the caret at the end of what changed', () => {
    expect(caretAfterChange('f = x * 2', 'f = x')).toBe(5);
    expect(caretAfterChange('f = x', 'f = (x) + 1')).toBe(11);
    expect(caretAfterChange('a = 1\nf = a', 'a = 7\nf = a')).toBe(5);
  });

  it('brings a text set elsewhere into the editor as the one replacement between common prefix and suffix', () => {
    expect(textChange('a = 1\nf = a', 'a = 7\nf = a')).toEqual({ from: 4, to: 5, insert: '7' });
    expect(textChange('f = x', 'f = x * 2')).toEqual({ from: 5, to: 5, insert: ' * 2' });
    expect(textChange('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
    expect(textChange('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
    const apply = (before: string, after: string) => {
      const c = textChange(before, after);
      return before.slice(0, c.from) + c.insert + before.slice(c.to);
    };
    for (const [before, after] of [['', 'x'], ['x', ''], ['abcabc', 'abc'], ['x = 1\ny = 1', 'x = 1\ny = 11\nz']]) expect(apply(before!, after!)).toBe(after);
  });
});

describe('the current gate’s place in the text', () => {
  it('is its whole expression, found from its operator', () => {
    const source = 'x = 1; y = 2\nq = x + y\nf = sigmoid(q * q) + q';
    const { model } = initAppStore({ source }).getState();
    const text = (id: string) => {
      const r = gateRange(source, model?.circuit.nodes[model.circuit.indexById.get(id) ?? -1]);
      return r && source.slice(r.start, r.end);
    };
    expect(text('q')).toBe('x + y');
    expect(text('f')).toBe('sigmoid(q * q) + q');
    const inner = model?.circuit.nodes.filter((n) => n.kind === 'gate' && n.op === 'sigmoid')[0];
    const r = gateRange(source, inner);
    expect(r && source.slice(r.start, r.end)).toBe('sigmoid(q * q)');
  });
});
