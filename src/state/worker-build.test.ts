import { describe, expect, it } from 'vitest';
import { EXAMPLES, runToEnd } from '../core/index.ts';
import { mixedCircuitSource } from '../bench/circuit-source.ts';
import { nestedChainSource, networkShapeFor, networkSource, statementChainSource } from '../bench/generate-sources.ts';
import { compileJob } from '../worker/compile-job.ts';
import type { PackedResult } from '../worker/circuit-transfer.ts';
import { buildModel, unpackedSteps, type BuildResult, type Model, type ViewOptions } from './model.ts';

const tanhSum = (terms: number) => `x = 0.5\nf = ${'tanh(x)+'.repeat(terms - 1)}tanh(x)`;

/** What the page receives: the worker's answer after a trip through structured cloning, its buffers moved. */
function throughWorker(source: string): PackedResult {
  const { result, transfer } = compileJob(source);
  const received = structuredClone(result, { transfer });
  // Moved, not copied: the worker keeps none of its buffers.
  for (const buffer of transfer) expect(buffer.byteLength).toBe(0);
  return received;
}

const viaWorker = (source: string, options: ViewOptions = {}): BuildResult => runToEnd(unpackedSteps(throughWorker(source), source, () => options));

/** The two models show the same thing: circuit, values, gradients, steps and shape key. */
function expectSameModel(a: Model, b: Model): void {
  expect(a.shape).toBe(b.shape);
  expect(a.circuit.outputName).toBe(b.circuit.outputName);
  expect(a.tape.values).toEqual(b.tape.values);
  expect(a.tape.grads).toEqual(b.tape.grads);
  expect(a.schedule.last).toBe(b.schedule.last);
  expect(a.schedule.valueStep).toEqual(b.schedule.valueStep);
  expect(a.schedule.backwardStep).toEqual(b.schedule.backwardStep);
  expect(a.circuit.live).toEqual(b.circuit.live);
  expect(a.circuit.inputs).toEqual(b.circuit.inputs);
  expect(a.circuit.tensor).toBe(b.circuit.tensor);
}

describe('a model built through the worker is the model built on the page', () => {
  it.each(EXAMPLES.map((e) => [e.title, e.source] as const))('%s: every node, value and step', (_title, source) => {
    for (const options of [{}, { expandSigmoid: true }, { asScalars: true }]) {
      const direct = buildModel(source, options);
      const worker = viaWorker(source, options);
      if (!direct.ok || !worker.ok) throw new Error('the examples compile');
      expect(worker.model.circuit.nodes).toEqual(direct.model.circuit.nodes);
      expect(worker.model.compiled.nodes).toEqual(direct.model.compiled.nodes);
      expectSameModel(worker.model, direct.model);
    }
  });

  it.each([
    ['a 2,500-statement chain', statementChainSource(5000)],
    ['the same chain on one line', nestedChainSource(5000)],
    ['a mixed circuit of 5,000 gates', mixedCircuitSource(5000)],
    ['a layered network', networkSource(networkShapeFor(3000))],
    ['a 25,000-statement chain', statementChainSource(50_000)],
  ])('%s: every node', (_name, source) => {
    const direct = buildModel(source, {});
    const worker = viaWorker(source);
    if (!direct.ok || !worker.ok) throw new Error('the sources compile');
    expect(worker.model.circuit.nodes).toEqual(direct.model.circuit.nodes);
    expectSameModel(worker.model, direct.model);
  });

  it('the 1,000,000-character tanh sum: every node (texts up to the whole formula, sent as positions)', () => {
    const source = tanhSum(125_000);
    const direct = buildModel(source, {});
    const worker = viaWorker(source);
    if (!direct.ok || !worker.ok) throw new Error('the source compiles');
    expect(worker.model.circuit.nodes.length).toBe(250_000);
    // Node by node: one toEqual over 250,000 nodes is slower than it needs to be.
    const a = worker.model.circuit.nodes;
    const b = direct.model.circuit.nodes;
    for (let i = 0; i < a.length; i += 997) expect(a[i]).toEqual(b[i]);
    // Texts by length (comparing 250,000 prefixes of a 1,000,000-character formula would take minutes); sampled whole above.
    expect(a.every((n, i) => n.id === b[i]?.id && n.text.length === b[i]?.text.length && n.op === b[i]?.op && n.args.join() === b[i]?.args.join())).toBe(true);
    expect(a.at(-1)?.text).toBe(source.slice(source.indexOf('tanh')));
    expectSameModel(worker.model, direct.model);
    expect(worker.model.tape.outputValue).toBeCloseTo(125_000 * Math.tanh(0.5), 6);
  });

  it.each([
    ['a syntax error', 'x = 1\nf = x * (x + '],
    ['a name used before it is defined', 'f = y * 2\ny = 3'],
    ['a hidden character', 'x = 1\nf = x\u202E + 2'],
    ['a shape mismatch', 'W = randn(2, 3)\nx = randn(2)\nf = sum(W @ x)'],
    ['a long source with a late error', `${statementChainSource(20_000)}\nf = a1 +`],
  ])('%s: the same positioned error', (_name, source) => {
    const direct = buildModel(source, {});
    expect(direct.ok).toBe(false);
    expect(viaWorker(source)).toEqual(direct);
  });
});

describe('the packed circuit', () => {
  it('carries every node in typed arrays and a few strings, whatever its size', () => {
    const result = throughWorker(statementChainSource(50_000));
    if (!result.ok) throw new Error('compiles');
    const values = Object.values(result.circuit);
    const strings = values.filter((v) => typeof v === 'string');
    const arrays = values.filter((v) => ArrayBuffer.isView(v));
    expect(strings.length).toBeLessThanOrEqual(4);
    expect(arrays.length).toBeGreaterThanOrEqual(12);
    // No value holds one object per node: the only array of objects is the tensors' values, empty here.
    expect(values.filter((v) => Array.isArray(v))).toEqual([[]]);
  });

  it('unpacks a slice at a time: it yields the share done, rising to 1', () => {
    const source = statementChainSource(50_000);
    const steps = unpackedSteps(throughWorker(source), source, () => ({}));
    const shares: number[] = [];
    for (let next = steps.next(); !next.done; next = steps.next()) if (typeof next.value === 'number') shares.push(next.value);
    expect(shares.length).toBeGreaterThan(10);
    expect(shares).toEqual([...shares].sort((x, y) => x - y));
    expect(shares.at(-1)).toBe(1);
  });
});
