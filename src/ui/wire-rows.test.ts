import { describe, expect, it } from 'vitest';
import { wireName } from '../core/index.ts';
import { buildModel, type Model } from '../state/model.ts';
import { filterSlice, indexIn, searchKey, stepOfWire, WireTexts } from './wire-rows.ts';

const modelOf = (source: string): Model => {
  const built = buildModel(source, {});
  if (!built.ok) throw new Error(built.error.message);
  return built.model;
};
const textsOf = (m: Model) => new WireTexts(m.circuit, m.circuit.nodes.map(wireName));
const LECTURE_1 = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';

describe('the rows of the wire table', () => {
  it('one per wire, with the gate that computes it, or what it is', () => {
    const texts = textsOf(modelOf(LECTURE_1));
    expect(texts.count).toBe(5);
    expect(Array.from({ length: 5 }, (_, i) => `${texts.names[i]}: ${texts.expression(i)}`))
      .toEqual(['x: input', 'y: input', 'z: input', 'q: q = x + y', 'f: f = q · z']);
    expect(textsOf(modelOf('x = 2; f = x * 3')).expression(1)).toBe('f = 3 · x');
  });

  it('are found by name or expression, ignoring case, spaces and subscripts', () => {
    const texts = textsOf(modelOf('x = -2; y = 5; z = -4; f = (x + y) * z'));
    const find = (query: string) => {
      const found: number[] = [];
      filterSlice(texts, searchKey(query), 0, texts.count, found);
      return found.map((i) => texts.names[i]);
    };
    expect(find('f1')).toEqual(['f₁', 'f']);
    expect(find('X+Y')).toEqual(['f₁']);
    expect(find('input')).toEqual(['x', 'y', 'z']);
    expect(find('nothing like it')).toEqual([]);
  });

  it('are filtered in slices that resume where the last one stopped', () => {
    const chain = `x = 1; f = x${' + 1'.repeat(999)}`;
    const texts = textsOf(modelOf(chain));
    const all: number[] = [];
    filterSlice(texts, searchKey('+ 1'), 0, texts.count, all);
    const sliced: number[] = [];
    for (let at = 0; at < texts.count;) at = filterSlice(texts, searchKey('+ 1'), at, at + 97, sliced);
    expect(sliced).toEqual(all);
    expect(all.length).toBe(999);
  });

  it('lead to the step of their wire: a gate’s forward step, or its backward step once that pass has begun', () => {
    const m = modelOf(LECTURE_1);
    const { circuit, schedule } = m;
    const q = circuit.indexById.get('q') as number;
    const x = circuit.indexById.get('x') as number;
    expect(stepOfWire(circuit, schedule, 0, q)).toBe(1);
    expect(stepOfWire(circuit, schedule, schedule.last, q)).toBe(schedule.backwardStep[q]);
    expect(schedule.step(stepOfWire(circuit, schedule, schedule.last, q)).node).toBe(q);
    // An input: the start, then the step that completes its gradient (q's backward step hands x its gradient).
    expect(stepOfWire(circuit, schedule, 2, x)).toBe(0);
    expect(stepOfWire(circuit, schedule, schedule.seedStep, x)).toBe(schedule.backwardStep[q]);
    // A formula that is a lone input: its gradient is the seed.
    const lone = modelOf('x = 2; f = x');
    expect(stepOfWire(lone.circuit, lone.schedule, lone.schedule.last, lone.circuit.output)).toBe(lone.schedule.seedStep);
  });

  it('find a node among the filtered rows by halving', () => {
    expect(indexIn([1, 4, 9, 12], 9)).toBe(2);
    expect(indexIn([1, 4, 9, 12], 5)).toBe(-1);
    expect(indexIn([], 0)).toBe(-1);
  });
});
