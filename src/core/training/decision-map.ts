import type { Circuit, CircuitNode } from '../circuit.ts';
import { compileSource } from '../compile.ts';
import { createEngine } from '../create-engine.ts';
import type { Engine } from '../engine.ts';
import { parse } from '../parser.ts';
import { isDataName } from './data-inputs.ts';

/** Cells per side of the map: 40 × 40 predictions are one small batch through the network. */
export const MAP_SIZE = 40;

export interface TrainingPoint {
  readonly x0: number;
  readonly x1: number;
  readonly target: number;
}

/** A network's prediction over the plane of its two input features, as TensorFlow Playground draws it. */
export interface DecisionMap {
  readonly size: number;
  /** The features' ranges drawn: the unit square, widened to take in every point. */
  readonly x0: readonly [number, number];
  readonly x1: readonly [number, number];
  readonly points: readonly TrainingPoint[];
  readonly targets: readonly [number, number];
  /** `size × size` predictions, row by row, the top row at the largest x1; `valueOf` gives each parameter's values by name. */
  predict(valueOf: (name: string) => ArrayLike<number> | undefined): Float64Array;
}

interface Found {
  readonly X: CircuitNode;
  readonly y: CircuitNode;
  readonly prediction: CircuitNode;
  readonly features: readonly [number, number];
  /** The constant column of a [n, 3] X (the bias trick), or -1. */
  readonly constant: number;
}

/**
 * The data a map can be drawn for: a data matrix `X` of n rows with two feature columns (and optionally a third that
 * is constant), targets `y` of n numbers, and the wire the loss compares with `y` (a gate of `y`'s shape that a gate
 * reads together with `y`, as `y - l2`). Undefined when the circuit has no such data.
 */
function findData(circuit: Circuit): Found | undefined {
  const data = circuit.inputs.map((i) => circuit.nodes[i] as CircuitNode).filter((n) => isDataName(n.names[0] ?? '') && n.init);
  for (const X of data) {
    const [n, cols] = X.shape;
    if (X.shape.length !== 2 || (cols !== 2 && cols !== 3) || n === undefined) continue;
    const init = X.init as Float64Array;
    const constant = cols === 3 ? [0, 1, 2].find((c) => columnOf(init, 3, c).every((v, _, all) => v === all[0])) ?? -2 : -1;
    if (constant === -2) continue;
    const features = [0, 1, 2].filter((c) => c < (cols as number) && c !== constant) as [number, number];
    for (const y of data) {
      if (y === X || (y.shape.length === 2 ? y.shape[1] !== 1 : y.shape.length !== 1) || y.shape[0] !== n) continue;
      const yIndex = circuit.indexById.get(y.id) as number;
      const prediction = circuit.nodes.find((g) => g.kind === 'gate' && g.args.length === 2 && g.args.includes(yIndex)
        && circuit.nodes[g.args[0] === yIndex ? (g.args[1] as number) : (g.args[0] as number)]?.kind === 'gate');
      if (!prediction) continue;
      const other = circuit.nodes[prediction.args[0] === yIndex ? (prediction.args[1] as number) : (prediction.args[0] as number)] as CircuitNode;
      if (other.shape.length === y.shape.length && other.shape.every((d, i) => d === y.shape[i])) return { X, y, prediction: other, features, constant };
    }
  }
  return undefined;
}

function columnOf(values: Float64Array, cols: number, c: number): number[] {
  return Array.from({ length: values.length / cols }, (_, r) => values[r * cols + c] as number);
}

/** The map for the compiled circuit of `source`, or undefined when its data is not two features with targets. */
export function decisionMap(source: string, circuit: Circuit, size = MAP_SIZE): DecisionMap | undefined {
  const found = findData(circuit);
  const parsed = found && parse(source);
  if (!found || !parsed?.ok) return undefined;
  const { X, y, prediction, features, constant } = found;
  const cells = size * size;
  const cols = X.shape[1] as number;
  const swaps: { start: number; end: number; text: string }[] = [];
  for (const s of parsed.program.statements) {
    if (!s.declaresInput || !s.target) continue;
    if (s.target.name === X.names[0]) swaps.push({ start: s.expr.start, end: s.expr.end, text: `zeros(${cells}, ${cols})` });
    if (s.target.name === y.names[0]) swaps.push({ start: s.expr.start, end: s.expr.end, text: y.shape.length === 2 ? `zeros(${cells}, 1)` : `zeros(${cells})` });
  }
  if (swaps.length !== 2) return undefined;
  swaps.sort((a, b) => b.start - a.start);
  const gridSource = swaps.reduce((text, s) => text.slice(0, s.start) + s.text + text.slice(s.end), source);
  const grid = compileSource(gridSource);
  const out = grid.ok ? grid.circuit.indexById.get(prediction.id) : undefined;
  if (!grid.ok || out === undefined) return undefined;

  const init = X.init as Float64Array;
  const [f0, f1] = features;
  const xs = columnOf(init, cols, f0);
  const ys = columnOf(init, cols, f1);
  const range = (v: number[]): [number, number] => [Math.min(0, ...v), Math.max(1, ...v)];
  const x0 = range(xs);
  const x1 = range(ys);
  const engine = createEngine(grid.circuit);
  const gridX = new Float64Array(cells * cols);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const row = (r * size + c) * cols;
      gridX[row + f0] = x0[0] + ((x0[1] - x0[0]) * (c + 0.5)) / size;
      gridX[row + f1] = x1[1] - ((x1[1] - x1[0]) * (r + 0.5)) / size;
      if (constant >= 0) gridX[row + constant] = init[constant] as number;
    }
  }
  const xNode = grid.circuit.indexById.get(X.id) as number;
  engine.setInput(xNode, gridX);
  const targets = Array.from(y.init as Float64Array);
  return {
    size, x0, x1,
    points: xs.map((v, i) => ({ x0: v, x1: ys[i] as number, target: targets[i] as number })),
    targets: [Math.min(...targets), Math.max(...targets)],
    predict: (valueOf) => predict(engine, xNode, grid.circuit.indexById.get(y.id) as number, valueOf, out),
  };
}

function predict(engine: Engine, xNode: number, yNode: number, valueOf: (name: string) => ArrayLike<number> | undefined, out: number): Float64Array {
  for (const i of engine.circuit.inputs) {
    if (i === xNode || i === yNode) continue;
    const values = valueOf(engine.circuit.nodes[i]?.names[0] as string);
    if (values && values.length === engine.length[i]) engine.setInput(i, values);
  }
  engine.forward();
  return engine.value(out);
}
