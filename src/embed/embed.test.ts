import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../core/index.ts';
import { createAppStore, initAppStore } from '../state/store.ts';
import { buildModel } from '../state/model.ts';
import { MAX_MESSAGE_SOURCE, parseMessage } from './messages.ts';
import { stateMessage } from './state-message.ts';
import { FIT_PADDING } from '../render/constants.ts';
import { circuitHeight } from './content-size.ts';
import { DEFAULT_EMBED_VIEW, formulaParam, parseUrlState, pinnedOrigin, searchFor } from './url-state.ts';

const LECTURE_1 = 'x = -2; y = 5; z = -4; q = x + y; f = q * z';

describe('host messages', () => {
  it('ignores anything that is not a plain object with a circuit: type', () => {
    for (const data of [null, undefined, 1, 'circuit:get', ['circuit:get'], { type: 1 }, { type: 'get' }, { type: 'Circuit:get' }, new Date(), new Map([['type', 'circuit:get']])]) {
      expect(parseMessage(data)).toEqual({ kind: 'ignore' });
    }
  });

  it('accepts each documented request and keeps the id', () => {
    expect(parseMessage({ type: 'circuit:get', id: 'a' })).toEqual({ kind: 'request', request: { type: 'circuit:get', id: 'a' } });
    expect(parseMessage({ type: 'circuit:load', source: 'f = 1', step: 'end', id: 3 })).toEqual({ kind: 'request', request: { type: 'circuit:load', id: 3, source: 'f = 1', step: 'end' } });
    expect(parseMessage({ type: 'circuit:step', to: 4 })).toEqual({ kind: 'request', request: { type: 'circuit:step', to: 4 } });
    expect(parseMessage({ type: 'circuit:set', name: 'x', value: -1.5 })).toEqual({ kind: 'request', request: { type: 'circuit:set', name: 'x', value: -1.5 } });
  });

  it('rejects wrong field types, unknown types and stray fields, saying what was expected and found', () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'circuit:nope', id: 1 }, /unknown message type "circuit:nope"/],
      [{ type: 'circuit:step', to: 'later' }, /expected to to be .* but found a string of 5 characters/],
      [{ type: 'circuit:step', to: 2.5 }, /but found the number 2.5/],
      [{ type: 'circuit:set', name: 'x', value: Number.NaN }, /finite number but found NaN/],
      [{ type: 'circuit:set', name: 'x', value: -Infinity }, /found -Infinity/],
      [{ type: 'circuit:load', source: 'x'.repeat(MAX_MESSAGE_SOURCE + 1) }, /at most/],
      [{ type: 'circuit:get', to: 1 }, /unexpected field "to"/],
      [JSON.parse('{"type":"circuit:get","__proto__":{"x":1}}'), /unexpected field "__proto__"/],
    ];
    for (const [data, message] of cases) {
      const parsed = parseMessage(data);
      expect(parsed.kind).toBe('invalid');
      if (parsed.kind === 'invalid') expect(parsed.message).toMatch(message);
    }
    expect(parseMessage({ type: 'circuit:get', id: Number.NaN })).toEqual({ kind: 'invalid', message: expect.stringMatching(/expected id/) });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('links', () => {
  it('round-trip the view: formula, step, grouping, theme and panels', () => {
    const store = initAppStore({ source: EXAMPLES[2]!.source, step: 'end', expandSigmoid: true, theme: 'dark', showGradCheck: true });
    const full = parseUrlState(searchFor(store.getState(), { embed: false }));
    expect(full).toMatchObject({ source: EXAMPLES[2]!.source, step: 'end', expand: true, theme: 'dark', check: true, embed: false });
    store.getState().goTo(3);
    const embed = parseUrlState(searchFor({ ...store.getState(), panels: { editor: true, inputs: false, explain: true } }, { embed: true, origin: 'https://a.org' }));
    expect(embed).toMatchObject({ step: 3, embed: true, panels: { editor: true, inputs: false, explain: true }, origin: 'https://a.org', check: null });
  });

  it('carry "as scalars" for a tensor circuit, and only for one', () => {
    const tensor = EXAMPLES.find((e) => e.id === 'vector-norm')!.source;
    const store = initAppStore({ source: tensor, asScalars: true, step: 'end' });
    expect(store.getState().model?.circuit.tensor).toBe(false);
    const link = parseUrlState(searchFor(store.getState(), { embed: false }));
    expect(link).toMatchObject({ source: tensor, scalars: true, step: 'end' });
    const scalar = initAppStore({ source: EXAMPLES[0]!.source, asScalars: true });
    expect(parseUrlState(searchFor(scalar.getState(), { embed: false })).scalars).toBeNull();
  });

  it('keep a formula exact whatever characters it holds, readable when packing would not make it shorter', () => {
    const source = '# a + b; c = "x" & \'y\'\nf = a/b + c^2 % 100';
    const [key, value] = formulaParam(source);
    // Its %-escapes make the readable form longer than the packed one, so the link packs it.
    expect(key).toBe('fz');
    expect(parseUrlState(`?fz=${value}`).source).toBe(source);
    const store = createAppStore({ source: 'q = x + y; f = q * z' });
    store.getState().setSource('x = 1; y = 2; z = 3\nf = (x + y) * z');
    const search = searchFor(store.getState(), { embed: false });
    expect(search).toMatch(/^\?f=x\+=\+1;\+y\+=\+2;/);
    expect(parseUrlState(search).source).toBe('x = 1; y = 2; z = 3\nf = (x + y) * z');
  });

  it('drop malformed parameters instead of obeying them', () => {
    expect(parseUrlState('?step=-1&theme=neon&expand=maybe&embed=2')).toMatchObject({ source: null, step: null, theme: null, expand: null, embed: false });
    expect(parseUrlState('?step=1e3').step).toBeNull();
    expect(parseUrlState('?step=12').step).toBe(12);
  });

  it('pin the API only to an exact http(s) origin', () => {
    expect(pinnedOrigin('https://course.example.org')).toBe('https://course.example.org');
    expect(pinnedOrigin('https://course.example.org/')).toBe('https://course.example.org');
    const script = ['javascript', 'alert(1)'].join(':');
    for (const bad of ['https://course.example.org/page', 'course.example.org', 'null', script, 'file:///x', '*']) expect(pinnedOrigin(bad)).toBeNull();
  });
});

describe('the state sent to the host', () => {
  it('has null for what the current step has not computed, and numbers for everything at the end', () => {
    const built = buildModel(LECTURE_1, { expandSigmoid: false });
    if (!built.ok) throw new Error('lecture 1 compiles');
    const start = stateMessage(built.model, 0, 'id');
    expect(start).toMatchObject({ type: 'circuit:state', id: 'id', step: 0, steps: 5, phase: 'forward', output: { name: 'f', shape: [], value: null, grad: null } });
    expect(start.inputs).toEqual([{ name: 'x', shape: [], value: -2, grad: null }, { name: 'y', shape: [], value: 5, grad: null }, { name: 'z', shape: [], value: -4, grad: null }]);
    const seed = stateMessage(built.model, 3);
    expect(seed).toMatchObject({ phase: 'backward', output: { value: -12, grad: 1 } });
    expect(seed).not.toHaveProperty('id');
    const end = stateMessage(built.model, 5);
    expect(end.wires).toEqual([
      { id: 'x', label: 'x', shape: [], value: -2, grad: -4 }, { id: 'y', label: 'y', shape: [], value: 5, grad: -4 }, { id: 'z', label: 'z', shape: [], value: -4, grad: 3 },
      { id: 'q', label: 'q', shape: [], value: 3, grad: -4 }, { id: 'f', label: 'f', shape: [], value: -12, grad: 1 },
    ]);
  });

  it('sends a tensor wire\'s value and gradient as nested arrays, row by row, with its shape', () => {
    const built = buildModel('W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)', {});
    if (!built.ok) throw new Error('the lecture\'s vectorized example compiles');
    const end = stateMessage(built.model, built.model.schedule.last);
    const [w, x] = end.inputs;
    expect(w?.shape).toEqual([2, 2]);
    expect((w?.value as number[][])).toEqual([[0.1, 0.5], [-0.3, 0.8]]);
    expect((w?.grad as number[][]).map((r) => r.map((v) => +v.toFixed(12)))).toEqual([[0.088, 0.176], [0.104, 0.208]]);
    expect((x?.grad as number[]).map((v) => +v.toFixed(12))).toEqual([-0.112, 0.636]);
    expect(end.wires.find((wire) => wire.id === 'q')).toMatchObject({ shape: [2], label: 'q' });
    expect(stateMessage(built.model, 0).wires.find((wire) => wire.id === 'q')).toMatchObject({ value: null, grad: null });
  });
});

describe('an embed link\'s display options', () => {
  it('show the legend and the zoom buttons and let the reader edit inputs unless the link says otherwise', () => {
    expect(parseUrlState('?embed=1').view).toEqual(DEFAULT_EMBED_VIEW);
    expect(DEFAULT_EMBED_VIEW).toEqual({ legend: true, zoom: true, readOnly: false });
    expect(parseUrlState('?embed=1&legend=0&zoom=false&readonly=1').view).toEqual({ legend: false, zoom: false, readOnly: true });
    expect(parseUrlState('?legend=true&zoom=1&readonly=true').view).toEqual({ legend: true, zoom: true, readOnly: true });
  });

  it('ignore malformed values instead of guessing', () => {
    for (const bad of ['', 'no', 'off', '00', 'TRUE', ' 0', '1 ']) {
      expect(parseUrlState(`?legend=${encodeURIComponent(bad)}&zoom=${encodeURIComponent(bad)}&readonly=${encodeURIComponent(bad)}`).view).toEqual(DEFAULT_EMBED_VIEW);
    }
    // The first of a repeated parameter counts, as for every other one.
    expect(parseUrlState('?readonly=1&readonly=0').view.readOnly).toBe(true);
  });

  it('are kept in embed links, left out when they are the defaults, and never put in a full-app link', () => {
    const store = initAppStore({ source: LECTURE_1, embed: true });
    const view = { legend: false, zoom: false, readOnly: true };
    const embed = searchFor(store.getState(), { embed: true, view });
    expect(parseUrlState(embed).view).toEqual(view);
    expect(searchFor(store.getState(), { embed: true, view: DEFAULT_EMBED_VIEW })).not.toMatch(/legend|zoom|readonly/);
    expect(searchFor(store.getState(), { embed: false, view })).not.toMatch(/legend|zoom|readonly/);
  });
});

describe('the content height an embed asks its host for', () => {
  it('draws the circuit at its own size when the width allows, and smaller in proportion when not', () => {
    expect(circuitHeight({ width: 400, height: 200 }, 720)).toBe(200 + 2 * FIT_PADDING);
    expect(circuitHeight({ width: 1000, height: 400 }, 500 + 2 * FIT_PADDING)).toBe(200 + 2 * FIT_PADDING);
  });

  it('never asks for a circuit too small to read, nor depends on anything but the width', () => {
    expect(circuitHeight({ width: 4000, height: 100 }, 320)).toBe(160);
    expect(circuitHeight(null, 320)).toBe(160);
    expect(circuitHeight({ width: 400, height: 200 }, 10)).toBe(160);
  });
});
