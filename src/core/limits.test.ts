import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import { nestedChainSource, nestedParens, statementChainSource } from '../bench/generate-sources.ts';
import { wireName } from './circuit.ts';
import { compileSource, MAX_NODES } from './compile.ts';
import { evaluate, type EvaluateResult } from './evaluate.ts';
import { explainStep } from './explain.ts';
import { gateCount, run } from './fixtures/circuits.ts';
import { MAX_SOURCE_LENGTH, parse } from './parser.ts';
import { toSExpr } from './sexpr.ts';
import { snapshotAt } from './snapshot.ts';

/** Big sources take a while on a slow CI machine; they must still never overflow the stack. */
const SLOW = 60_000;

function ok(source: string): Extract<EvaluateResult, { ok: true }> {
  const result = evaluate(source);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result;
}

/** The chain a1 = x*1.0001 + 0.1, a2 = a1*1.0001 + 0.1, ... computed directly, with its derivative. */
function chainAt(x: number, links: number): { value: number; grad: number } {
  let value = x;
  for (let i = 0; i < links; i++) value = value * 1.0001 + 0.1;
  return { value, grad: 1.0001 ** links };
}

describe('deep nesting', () => {
  it.each([1000, 10_000])('%i levels of parentheses evaluate', (depth) => {
    const result = ok(`x = 2; f = ${nestedParens(depth, 'x * 3 + 1')}`);
    expect(result.output.value).toBe(7);
    expect(result.inputs).toEqual([{ name: 'x', shape: [], value: 2, grad: 3 }]);
  });

  it.each([1000, 10_000])('%i nested function calls evaluate, grouped and expanded', (depth) => {
    const source = `x = 0.5; f = ${'sin('.repeat(depth)}x${')'.repeat(depth)}`;
    expect(ok(source).output.value).toBeGreaterThan(0);
    const expanded = compileSource(source.replaceAll('sin', 'sigmoid'), { expandSigmoid: true });
    expect(expanded.ok && gateCount(expanded.circuit)).toBe(4 * depth);
  });

  it('a 1000-deep chain of unary minus evaluates, both as --x and as -(-(x))', () => {
    expect(ok(`x = 2; f = ${'-'.repeat(1000)}x`).inputs).toEqual([{ name: 'x', shape: [], value: 2, grad: 1 }]);
    expect(ok(`x = 2; f = ${'-('.repeat(1001)}x${')'.repeat(1001)}`).inputs).toEqual([{ name: 'x', shape: [], value: 2, grad: -1 }]);
  });

  it('a 1000-deep right-associative 2^2^...^2 parses to the right and evaluates to Infinity', () => {
    const source = Array(1000).fill('2').join('^');
    const parsed = parse(source);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const sexpr = toSExpr(parsed.program.statements[0]?.expr as never);
    expect(sexpr.startsWith('(^ 2 (^ 2 (^ 2')).toBe(true);
    expect(sexpr.endsWith(`2 2${')'.repeat(999)}`)).toBe(true);
    expect(ok(source).output.value).toBe(Infinity);
    expect(ok(`x = 1; f = ${Array(1000).fill('x').join('^')}`).inputs).toEqual([{ name: 'x', shape: [], value: 1, grad: 1 }]);
  });
});

describe('large circuits', () => {
  it('a 10^5-gate chain of statements evaluates without a stack overflow, matching a direct computation', () => {
    const source = statementChainSource(100_000);
    const { circuit, tape, schedule } = run(source);
    expect(gateCount(circuit)).toBe(100_000);
    const expected = chainAt(1, 50_000);
    expect(tape.outputValue).toBeCloseTo(expected.value, 6);
    expect(tape.grads[0]).toBeCloseTo(expected.grad, 8);
    // Stepping far in and explaining a step are walks over the whole circuit too.
    expect(snapshotAt(tape, schedule, schedule.last).grad[0]).toBe(tape.grads[0]);
    expect(explainStep(tape, schedule, schedule.last).phase).toBe('backward');
  }, SLOW);

  it('a 10^5-gate chain written as one expression 50000 parentheses deep evaluates the same', () => {
    const result = ok(nestedChainSource(100_000));
    const expected = chainAt(1, 50_000);
    expect(result.output.value).toBeCloseTo(expected.value, 6);
    expect(result.inputs[0]?.grad).toBeCloseTo(expected.grad, 8);
  }, SLOW);

  it('names every wire of that expression in linear time, though the text of each wire holds all the levels inside it', () => {
    const { circuit } = run(nestedChainSource(100_000));
    const start = performance.now();
    const names = circuit.nodes.map(wireName);
    expect(performance.now() - start).toBeLessThan(5_000); // quadratic would be ~10^10 characters read
    expect(names.at(-2)).toMatch(/^f[₀-₉]+$/);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(18);
  }, SLOW);
});

describe('documented limits give positioned errors', () => {
  it(`a source over ${MAX_SOURCE_LENGTH.toLocaleString('en-US')} characters is refused at the first character past the limit`, () => {
    const line = 'x = x0 + 1\n'.replace('x0', 'y'); // 11 characters a line
    const source = `y = 1\n${line.replace('x =', 'z =').repeat(Math.ceil(MAX_SOURCE_LENGTH / line.length) + 1)}`;
    expect(source.length).toBeGreaterThan(MAX_SOURCE_LENGTH);
    const result = evaluate(source);
    const before = source.slice(0, MAX_SOURCE_LENGTH);
    const lineNumber = before.split('\n').length;
    const column = MAX_SOURCE_LENGTH - before.lastIndexOf('\n');
    expect(result).toMatchObject({ ok: false, error: { line: lineNumber, column } });
    expect(!result.ok && result.error.message).toMatch(/the formula is too long: expected at most 2,000,000 characters but found/);
  });

  it(`a circuit over ${MAX_NODES.toLocaleString('en-US')} nodes is refused at the gate that crosses the limit`, () => {
    const source = `${'x*'.repeat(MAX_NODES)}x`;
    const result = evaluate(source);
    // Node 0 is x; gate k is the k-th '*', at column 2k; gate MAX_NODES is one too many.
    expect(result).toMatchObject({ ok: false, error: { line: 1, column: 2 * MAX_NODES } });
    expect(!result.ok && result.error.message).toMatch(/the circuit is too large: expected at most 300,000 gates and wires/);
  }, SLOW);
});
