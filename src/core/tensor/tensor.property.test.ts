import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { createEngine } from '../create-engine.ts';
import { asScalars, asScalarsGateCount, MAX_AS_SCALARS_GATES } from '../transforms/as-scalars.ts';
import type { TensorTape } from './tensor-tape.ts';

type Shape = number[];
const RUNS = 300;

/** A tiny deterministic generator, driven by fast-check's seed, that writes a random well-shaped smooth program. */
function program(seed: number): string {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const dim = () => 1 + Math.floor(rand() * 3);
  const inputs: string[] = [];
  const literal = (shape: Shape) => {
    const num = () => (Math.round((rand() * 2 - 1) * 100) / 100).toString();
    if (shape.length === 0) return num();
    const row = (n: number) => `[${Array.from({ length: n }, num).join(', ')}]`;
    return shape.length === 1 ? row(shape[0] as number) : `[${Array.from({ length: shape[0] as number }, () => row(shape[1] as number)).join(', ')}]`;
  };
  const input = (shape: Shape) => {
    const name = `x${inputs.length}`;
    inputs.push(`${name} = ${literal(shape)}`);
    return name;
  };
  const expr = (shape: Shape, depth: number): string => {
    if (depth <= 0 || rand() < 0.12) return input(shape);
    const r = rand();
    if (r < 0.3) return `(${expr(shape, depth - 1)} ${pick(['+', '-', '*'])} ${rand() < 0.3 ? expr([], depth - 1) : expr(shape, depth - 1)})`;
    if (r < 0.45) return `${pick(['tanh', 'sigmoid', 'sin', 'cos'])}(${expr(shape, depth - 1)})`;
    if (r < 0.62) {
      const k = dim();
      if (shape.length === 2) return `(${expr([shape[0] as number, k], depth - 1)} @ ${expr([k, shape[1] as number], depth - 1)})`;
      if (shape.length === 1) return `(${expr([shape[0] as number, k], depth - 1)} @ ${expr([k], depth - 1)})`;
      return `dot(${expr([k], depth - 1)}, ${expr([k], depth - 1)})`;
    }
    if (r < 0.72 && shape.length === 0) return `${pick(['sum', 'mean'])}(${expr(rand() < 0.5 ? [dim()] : [dim(), dim()], depth - 1)})`;
    if (r < 0.72 && shape.length === 1) {
      const axis = rand() < 0.5 ? 0 : 1;
      const other = dim();
      return `sum(${expr(axis === 0 ? [other, shape[0] as number] : [shape[0] as number, other], depth - 1)}, ${axis})`;
    }
    if (r < 0.8 && shape.length === 2) return `${expr([shape[1] as number, shape[0] as number], depth - 1)}.T`;
    if (r < 0.88 && shape.length === 0) return `${expr([dim() + 1], depth - 1)}[${pick([0, 1, -1])}]`;
    if (r < 0.94 && shape.length > 0) return `softmax(${expr(shape, depth - 1)})`;
    if (shape.length === 1) return `(${expr(shape, depth - 1)} * ${expr([dim(), shape[0] as number], depth - 1)})[0]`;
    return input(shape);
  };
  const body = expr(pick<Shape>([[], [dim()], [dim(), dim()]]), 5);
  return `${inputs.join('\n')}\nf = sum(${body})`;
}

function engineOf(source: string): TensorTape {
  const r = compileSource(source);
  if (!r.ok) throw new Error(`${source}\n${r.error.message} at ${r.error.line}:${r.error.column}`);
  return createEngine(r.circuit) as TensorTape;
}

const agree = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

describe('random shaped programs', () => {
  it('have gradients that match centred finite differences, element by element', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const source = program(seed);
      const e = engineOf(source);
      for (const input of e.circuit.inputs) {
        const o = e.offset[input] as number;
        for (let k = 0; k < (e.length[input] as number); k++) {
          const x = e.values[o + k] as number;
          const h = 1e-6;
          e.values[o + k] = x + h;
          e.forward();
          const plus = e.outputValue;
          e.values[o + k] = x - h;
          e.forward();
          const minus = e.outputValue;
          e.values[o + k] = x;
          e.run();
          const numerical = (plus - minus) / (2 * h);
          expect(agree(e.grads[o + k] as number, numerical, 1e-6), `${source}\n${e.circuit.nodes[input]?.id}[${k}]: analytic ${e.grads[o + k]}, numerical ${numerical}`).toBe(true);
        }
      }
    }), { numRuns: RUNS, seed: 7 });
  });

  it('agree with their "as scalars" circuit on the output and on every input gradient', () => {
    let expanded = 0;
    fc.assert(fc.property(fc.integer(), (seed) => {
      const source = program(seed);
      const e = engineOf(source);
      const s = asScalars(e.circuit, (i, k) => e.value(i)[k] as number);
      if (!s.ok) {
        expect(s.gates).toBeGreaterThan(MAX_AS_SCALARS_GATES);
        return;
      }
      expanded++;
      // The count a refusal reports is the count the expansion really has.
      expect(s.circuit.nodes.filter((n) => n.kind === 'gate').length, source).toBe(asScalarsGateCount(e.circuit));
      const scalar = createEngine(s.circuit);
      expect(agree(scalar.outputValue, e.outputValue, 1e-12), `${source}: ${scalar.outputValue} vs ${e.outputValue}`).toBe(true);
      const byName = new Map(s.circuit.nodes.map((n, i) => [n.names[0], i]));
      for (const input of e.circuit.inputs) {
        const node = e.circuit.nodes[input];
        const grads = e.grad(input);
        grads.forEach((g, k) => {
          const shape = node?.shape ?? [];
          const suffix = shape.length === 0 ? '' : shape.length === 1 ? `[${k}]` : `[${Math.floor(k / (shape[1] as number))},${k % (shape[1] as number)}]`;
          const i = byName.get(`${node?.names[0]}${suffix}`) as number;
          expect(agree(scalar.grads[i] as number, g, 1e-12), `${source}: ${node?.names[0]}${suffix}`).toBe(true);
        });
      }
    }), { numRuns: RUNS, seed: 11 });
    expect(expanded).toBeGreaterThan(RUNS * 0.8);
  });
});

/** NumPy's rules, written again independently of src/core/tensor/shape.ts. */
function numpyBroadcasts(a: Shape, b: Shape): boolean {
  const ra = [...a].reverse();
  const rb = [...b].reverse();
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
    const x = ra[i] ?? 1;
    const y = rb[i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return false;
  }
  return true;
}
const numpyMatmul = (a: Shape, b: Shape) => a.length > 0 && b.length > 0 && a[a.length - 1] === (b.length === 1 ? b[0] : b[b.length - 2]);

describe('random shape pairs', () => {
  const shape = fc.oneof(fc.constant<Shape>([]), fc.tuple(fc.integer({ min: 1, max: 4 })), fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })));
  const literal = (s: Shape) => (s.length === 0 ? '1' : s.length === 1 ? `[${Array(s[0]).fill(1).join(', ')}]` : `[${Array.from({ length: s[0] as number }, () => `[${Array(s[1]).fill(2).join(', ')}]`).join(', ')}]`);

  it('give a result or a positioned error, never a throw, and agree with NumPy on which', () => {
    fc.assert(fc.property(shape, shape, fc.constantFrom('+', '*', '-', '/', '@', 'dot', 'max', 'pow'), (a, b, op) => {
      const call = op === 'dot' || op === 'max' || op === 'pow';
      const expr = call ? `${op}(a, b)` : `a ${op} b`;
      const source = `a = ${literal(a)}\nb = ${literal(b)}\nf = sum(${expr})`;
      const r = compileSource(source);
      const expected = op === '@' || op === 'dot' ? numpyMatmul(a, b) : numpyBroadcasts(a, b);
      expect(r.ok, source).toBe(expected);
      if (!r.ok) {
        expect(r.error.line).toBe(3);
        expect(r.error.column).toBe(call ? 9 : 11);
        expect(r.error.message).toMatch(/expected/);
      } else expect(Number.isFinite(createEngine(r.circuit).outputValue)).toBe(true);
    }), { numRuns: 3000, seed: 3 });
  });
});
