import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { formulas } from './fixtures/formulas.ts';
import { tensorFormulas } from './fixtures/tensor-formulas.ts';
import { findHidden } from './unicode/hidden.ts';

/** Valid programs from the grammar: scalar formulas over a, b, c, and tensor ones over W, x, b, a. */
const scalarPrograms = formulas.map((f) => `a = 0.5; b = -1.25\nc = 2\nf = ${f.text}`);
const validPrograms = fc.oneof(scalarPrograms, tensorFormulas);

/** The program's tokens, spaces and line breaks kept as tokens of their own so that joining them gives it back. */
const tokens = (source: string) => source.match(/\d+\.?\d*(?:e[+-]?\d+)?|\.\d+|\w+|\*\*|\s+|#[^\n]*|./g) ?? [];

const PIECES = ['+', '-', '*', '/', '^', '@', '(', ')', '[', ']', ',', '=', '.', '.T', ';', '\n', '\r', '#', 'x', 'sum(', '1e', '2', 'W', 'q'];
const HIDDEN = ['\u202E', '\u2066', '\u2069', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\0', '\u061C', '\u{E0041}', '\uFE0F'];

type Mutation = { kind: 'delete' | 'insert' | 'swap' | 'hide'; at: number; other: number; piece: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'swap', 'hide'),
  at: fc.nat(),
  other: fc.nat(),
  piece: fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...HIDDEN)),
});

function mutate(source: string, mutations: readonly Mutation[]): string {
  const t = tokens(source);
  for (const { kind, at, other, piece } of mutations) {
    const i = at % (t.length + 1);
    if (kind === 'delete') t.splice(i, 1);
    else if (kind === 'insert') t.splice(i, 0, piece);
    else if (kind === 'hide') t.splice(i, 0, HIDDEN[other % HIDDEN.length] as string);
    else {
      const j = other % Math.max(1, t.length);
      [t[i], t[j]] = [t[j] as string, t[i] as string];
    }
  }
  return t.join('');
}

// eslint-disable-next-line no-control-regex -- these are the characters looked for
const RAW_HIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\p{Cs}\uFE00-\uFE0F]/u;

describe('formulas from the grammar', () => {
  it('are valid before they are mutated (the generator is right)', () => {
    fc.assert(fc.property(validPrograms, (source) => {
      const result = evaluate(source);
      expect(result.ok ? 'ok' : result.error.message).toBe('ok');
    }), { seed: 101, numRuns: 1500 });
  }, 120_000);

  it('mutated (tokens deleted, inserted, swapped, hidden characters put in) give a result or a positioned error, fast', () => {
    let slowest = 0;
    fc.assert(fc.property(validPrograms, fc.array(mutation, { minLength: 1, maxLength: 4 }), (valid, mutations) => {
      const source = mutate(valid, mutations);
      const started = performance.now();
      const result = evaluate(source);
      slowest = Math.max(slowest, performance.now() - started);
      if (result.ok) return;
      const lines = source.split(/\r\n|\r|\n/);
      const { line, column, message } = result.error;
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lines.length);
      expect(column).toBeGreaterThanOrEqual(1);
      expect(column).toBeLessThanOrEqual((lines[line - 1] as string).length + 1);
      expect(message).not.toMatch(/internal error/);
      expect(message).not.toMatch(RAW_HIDDEN);
      if (findHidden(source)) expect(message).toMatch(/U\+[0-9A-F]{4}/);
    }), { seed: 102, numRuns: 4000 });
    // A formula of a few hundred characters is read in well under a millisecond; a hang would show here.
    expect(slowest).toBeLessThan(1000);
  }, 180_000);
});
