import { pathToFileURL } from 'node:url';
import type { Circuit } from '../core/circuit.ts';
import { compileSource } from '../core/compile.ts';
import { Schedule } from '../core/schedule.ts';
import { snapshotAt } from '../core/snapshot.ts';
import { Tape } from '../core/tape.ts';
import { nestedChainSource, networkShapeFor, networkSource, statementChainSource } from './generate-sources.ts';

/** The issue's targets, for 10^5 gates. */
const TARGET_COMPILE_MS = 300;
const TARGET_RECOMPUTE_MS = 10;
const SIZES = [1_000, 10_000, 100_000];

const gc = (globalThis as { gc?: () => void }).gc;

function compiled(source: string): Circuit {
  const result = compileSource(source);
  if (!result.ok) throw new Error(`benchmark source does not compile: ${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result.circuit;
}

/**
 * Median wall time of `runs` calls, in ms, after one untimed warm-up call. No forced collection between runs: like an
 * app recompiling on every edit, each run meets the heap the previous ones left.
 */
function median(runs: number, f: () => void): number {
  f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] as number;
}

/** Median time of one call, timing `batch` calls together so that sub-millisecond calls are measured well. */
function medianBatched(runs: number, batch: number, f: (i: number) => void): number {
  let i = 0;
  return median(runs, () => {
    for (let k = 0; k < batch; k++) f(i++);
  }) / batch;
}

/** Heap held by one result of `build`, in MB: collected heaps with and without `copies` results, divided. */
function retainedMB(copies: number, build: () => unknown): number | undefined {
  if (!gc) return undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: copies }, build);
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== copies) throw new Error('unreachable: keeps the results alive until measured');
  return (after - before) / copies / 2 ** 20;
}

interface Row {
  readonly name: string;
  readonly gates: number;
  readonly nodes: number;
  readonly sourceKB: number;
  readonly compileMs: number;
  readonly tapeMs: number;
  readonly recomputeMs: number;
  readonly snapshotMs: number;
  readonly heapMB: number | undefined;
}

function measure(name: string, source: string, scale: number): Row {
  const runs = scale >= 100_000 ? 9 : scale >= 10_000 ? 15 : 31;
  // Timed first, while no other circuit is alive: the cost of a compile on its own.
  const compileMs = median(runs, () => compiled(source));
  const circuit = compiled(source);
  const gates = circuit.nodes.reduce((n, node) => n + (node.kind === 'gate' ? 1 : 0), 0);
  const tapeMs = median(runs, () => new Tape(circuit));
  const tape = new Tape(circuit);
  const input = circuit.inputs[0] ?? -1;
  const start = tape.values[input] as number;
  // An input change then every value and gradient again: what a slider drag costs.
  const recomputeMs = medianBatched(21, Math.max(1, Math.round(100_000 / scale)), (i) => {
    if (input >= 0) tape.setInput(input, start + (i % 7) * 0.01);
    tape.run();
  });
  const schedule = new Schedule(circuit);
  const snapshotMs = medianBatched(11, Math.max(1, Math.round(10_000 / scale)), (i) => snapshotAt(tape, schedule, (i * 7919) % (schedule.last + 1)));
  const heapMB = retainedMB(Math.max(1, Math.round(30_000 / scale)), () => new Tape(compiled(source)));
  return { name, gates, nodes: circuit.nodes.length, sourceKB: source.length / 1024, compileMs, tapeMs, recomputeMs, snapshotMs, heapMB };
}

/** A 10^5-gate chain must compile and run without a stack overflow, as statements and as one nested expression. */
function chain(name: string, source: string): string {
  try {
    const start = performance.now();
    const tape = new Tape(compiled(source));
    const ms = performance.now() - start;
    const ok = Number.isFinite(tape.outputValue) && Number.isFinite(tape.grads[tape.circuit.inputs[0] as number]);
    return `${name}: ${ok ? 'ok' : 'NOT FINITE'}, ${(source.length / 1024).toFixed(0)} KB compiled and run in ${ms.toFixed(0)} ms, f = ${tape.outputValue.toFixed(2)}`;
  } catch (e) {
    return `${name}: FAILED (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`;
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 100 ? v.toFixed(2) : v.toFixed(0));
const verdict = (v: number, target: number) => `${v <= target ? '✓' : '✗'} ≤ ${target} ms`;

export async function runCoreBench(): Promise<string> {
  const rows = SIZES.map((n) => measure(`network ~10^${Math.log10(n)}`, networkSource(networkShapeFor(n)), n));
  const body = rows.map((r) => [
    r.name, r.gates.toLocaleString('en-US'), r.nodes.toLocaleString('en-US'), r.sourceKB.toFixed(0),
    ms(r.compileMs), ms(r.tapeMs), ms(r.recomputeMs), ms(r.snapshotMs), r.heapMB === undefined ? 'n/a' : r.heapMB.toFixed(2),
  ]);
  const largest = rows.at(-1) as Row;
  return [
    'Core: unrolled tanh networks (as many layers as neurons a layer; each neuron reads 3 wires of the layer before and',
    'its layer\'s bias, so every wire fans out), medians of repeated runs.',
    'compile = parse + compile of the source; tape = typed-array engine built and run once; recompute = setInput + run',
    '(every value and gradient); snapshot = what the stepper redraws per step; heap = compiled circuit + tape.',
    '',
    table(['circuit', 'gates', 'nodes', 'source KB', 'compile ms', 'tape ms', 'recompute ms', 'snapshot ms', 'heap MB'], body),
    '',
    `targets at ${largest.gates.toLocaleString('en-US')} gates: compile ${ms(largest.compileMs)} ms (${verdict(largest.compileMs, TARGET_COMPILE_MS)}), ` +
      `recompute ${ms(largest.recomputeMs)} ms (${verdict(largest.recomputeMs, TARGET_RECOMPUTE_MS)})`,
    chain('10^5-gate chain of statements', statementChainSource(100_000)),
    chain('10^5-gate chain as one expression, 50,000 parentheses deep', nestedChainSource(100_000)),
    gc ? '' : '(heap not measured: run with node --expose-gc)',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runCoreBench());
}
