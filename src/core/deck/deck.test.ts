import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.ts';
import { builtInDeck, LECTURE_DECK, parseDeck } from './index.ts';

const gradOf = (source: string, name: string) => {
  const result = evaluate(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.inputs.find((i) => i.name === name)?.grad;
};

describe('the lecture deck', () => {
  it('has the lecture’s slides in order, each of which compiles', () => {
    expect(LECTURE_DECK.slides.map((s) => s.title)).toEqual([
      'Numerical vs analytic gradient', 'f = (x + y) z', 'A sigmoid neuron, gate by gate', 'The same neuron with one σ gate',
      'Patterns in backward flow', 'Gradients add at branches', 'The forward / backward API', 'Vectorized: f(x, W) = ‖W·x‖²',
      'max(0, x) on a 4096-d vector', 'A staged SVM loss', 'A neuron: σ(w·x + b)', 'A 2-layer network', 'The 11-line network',
    ]);
    for (const slide of LECTURE_DECK.slides) expect(evaluate(slide.source).ok, slide.title).toBe(true);
    expect(parseDeck(JSON.parse(JSON.stringify(LECTURE_DECK)))).toEqual({ ok: true, deck: LECTURE_DECK });
  });

  it('gives the vector neuron the gate-by-gate neuron’s gradients, as its notes say', () => {
    const neuron = LECTURE_DECK.slides.find((s) => s.title.startsWith('A neuron'))!.source;
    const w = gradOf(neuron, 'w') as number[];
    const x = gradOf(neuron, 'x') as number[];
    const scalar = LECTURE_DECK.slides[2]!.source;
    expect(w[0]).toBeCloseTo(gradOf(scalar, 'w0') as number, 12);
    expect(w[1]).toBeCloseTo(gradOf(scalar, 'w1') as number, 12);
    expect(x[0]).toBeCloseTo(gradOf(scalar, 'x0') as number, 12);
    expect(x[1]).toBeCloseTo(gradOf(scalar, 'x1') as number, 12);
    expect(gradOf(neuron, 'b')).toBeCloseTo(gradOf(scalar, 'w2') as number, 12);
  });

  it('adds the gradients at the branch slide’s branches: ∂f/∂x = b·y + a', () => {
    const source = LECTURE_DECK.slides[5]!.source;
    // a = x y = -6, b = x + y = 1: ∂f/∂x = b · y + a · 1 = -2 - 6 = -8; ∂f/∂y = b · x + a = 3 - 6 = -3.
    expect(gradOf(source, 'x')).toBe(-8);
    expect(gradOf(source, 'y')).toBe(-3);
  });

  it('is found by its link name, and nothing else is', () => {
    expect(builtInDeck('lecture')).toBe(LECTURE_DECK);
    for (const name of ['__proto__', 'constructor', 'toString', 'Lecture', '']) expect(builtInDeck(name)).toBeUndefined();
  });
});

describe('parseDeck', () => {
  const slide = { title: 'One', source: 'x = 1; f = x * x' };
  it('accepts a minimal deck and copies it into fresh objects', () => {
    const input = { title: 'Mine', slides: [{ ...slide, stops: [3, 1, 3], view: { expand: true } }] };
    const result = parseDeck(input);
    expect(result).toEqual({ ok: true, deck: { title: 'Mine', slides: [{ ...slide, stops: [1, 3], view: { expand: true } }] } });
    if (result.ok) expect(result.deck.slides[0]).not.toBe(input.slides[0]);
  });

  it.each([
    [null, 'expected a deck'],
    [{ slides: [] }, '"slides" to be a list of 1 to 200'],
    [{ slides: [{ title: 'no source' }] }, 'slide 1: expected "source"'],
    [{ slides: [slide, { ...slide, stops: [-1] }] }, 'slide 2: expected "stops"'],
    [{ slides: [{ ...slide, stops: [1.5] }] }, 'expected "stops"'],
    [{ slides: [{ ...slide, view: { present: true } }] }, 'expected "view" to hold only'],
    [{ slides: [{ ...slide, view: { expand: 'yes' } }] }, 'expected "view"'],
    [{ title: 7, slides: [slide] }, 'expected "title"'],
    [JSON.parse('{"slides":[{"title":"t","source":"x = 1; f = x","__proto__":{"polluted":1}}]}'), null],
  ])('refuses or cleans %j', (input, error) => {
    const result = parseDeck(input);
    if (error === null) {
      expect(result.ok).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } else expect(result.ok ? '' : result.error).toContain(error);
  });
});
