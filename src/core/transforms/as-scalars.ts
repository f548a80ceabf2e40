import { wireName, type Circuit, type CircuitNode } from '../circuit.ts';
import { formatFull } from '../number-format.ts';
import { isTensorOp } from '../tensor/ops.ts';
import { broadcastStrides, sizeOf } from '../tensor/shape.ts';
import { CircuitBuilder, type NodeFields } from './builder.ts';
import { elementName, elementSuffix } from './element-names.ts';

/** "As scalars" draws every element as its own wire; beyond this many gates the drawing would not be worth reading. */
export const MAX_AS_SCALARS_GATES = 2000;

export type AsScalarsResult = { ok: true; circuit: Circuit } | { ok: false; gates: number };

/**
 * The scalar circuit a tensor circuit stands for: `W @ x` with a 2×2 `W` becomes four `*` and two `+` gates, with
 * wires named `W[0,1]`, `q[1]`. Every element gate is grouped under the tensor gate it came from, so a step carries
 * over when the view is toggled. Sums run in the tensor engine's order, so the numbers agree.
 * `valueOf(input, k)` gives an input element's current value (the tensor engine's, so edits carry over).
 */
export function asScalars(circuit: Circuit, valueOf: (input: number, k: number) => number): AsScalarsResult {
  if (!circuit.tensor) return { ok: true, circuit };
  // Counted before anything is built, so a refusal costs one pass and says how many gates it would have taken.
  const gates = asScalarsGateCount(circuit);
  if (gates > MAX_AS_SCALARS_GATES) return { ok: false, gates };
  return { ok: true, circuit: new Expander(circuit, valueOf).run() };
}

/** How many scalar gates the expansion would need, without building it. */
export function asScalarsGateCount(circuit: Circuit): number {
  let count = 0;
  for (const node of circuit.nodes) {
    if (node.kind !== 'gate') continue;
    const len = sizeOf(node.shape);
    const a = circuit.nodes[node.args[0] as number] as CircuitNode;
    const inLen = sizeOf(a.shape);
    switch (node.op) {
      case 'matmul': {
        const k = a.shape.length === 0 ? 1 : (a.shape[a.shape.length - 1] as number);
        count += len * (2 * k - 1);
        break;
      }
      case 'sum': count += inLen - len; break;
      case 'mean': count += inLen; break;
      // Per row: an exp and a division per element, and the adds of the row's sum.
      case 'softmax': count += 3 * len - len / (node.shape.length === 0 ? 1 : (node.shape[node.shape.length - 1] as number)); break;
      case 'transpose': case 'index': break;
      default: count += len;
    }
  }
  return count;
}

class Expander {
  private readonly b = new CircuitBuilder();
  /** For each tensor node, the new node of each of its elements. */
  private readonly elements: number[][] = [];
  constructor(private readonly circuit: Circuit, private readonly valueOf: (input: number, k: number) => number) {}

  run(): Circuit {
    this.circuit.nodes.forEach((node, i) => this.elements.push(this.expand(node, i)));
    const output = this.elements[this.circuit.output]?.[0] as number;
    return this.b.finish(output, this.circuit.outputName);
  }

  /** An element's own wire (named after the tensor wire, `q[1]`), or with `inner` a wire inside its computation. */
  private gate(node: CircuitNode, flat: number, fields: Omit<NodeFields, 'id' | 'kind' | 'span'>, inner?: { id: string; text: string }): number {
    const suffix = elementSuffix(node.shape, flat);
    return this.b.add({
      kind: 'gate', span: node.span, group: node.id, ...fields,
      ...(inner
        ? { id: inner.id, names: [], text: inner.text }
        : { id: `${node.id}${suffix}`, names: node.names.map((n) => `${n}${suffix}`), text: elementName(node, flat) }),
    });
  }

  private name(i: number): string {
    return wireName(this.b.nodes[i] as CircuitNode);
  }

  private expand(node: CircuitNode, i: number): number[] {
    const len = sizeOf(node.shape);
    const idOf = (k: number) => `${node.id}${elementSuffix(node.shape, k)}`;
    if (node.kind === 'input') {
      return range(len).map((k) => this.b.add({
        id: idOf(k), kind: 'input', span: node.span, c: this.valueOf(i, k), names: [elementName(node, k)], text: elementName(node, k),
        ...(node.shape.length ? { group: node.id } : {}),
      }));
    }
    if (node.kind === 'const') {
      const value = (k: number) => (node.init ? (node.init[k] as number) : node.c);
      return range(len).map((k) => this.b.add({ id: idOf(k), kind: 'const', span: node.span, c: value(k), text: node.init ? formatFull(value(k)) : node.text }));
    }
    const args = node.args.map((a) => this.elements[a] as number[]);
    const argNodes = node.args.map((a) => this.circuit.nodes[a] as CircuitNode);
    const op = node.op as NonNullable<CircuitNode['op']>;
    if (!isTensorOp(op)) {
      const strides = argNodes.map((a) => broadcastStrides(a.shape, node.shape));
      const cols = node.shape.length ? (node.shape[node.shape.length - 1] as number) : 1;
      return range(len).map((k) => {
        const [r, c] = [Math.floor(k / cols), k % cols];
        const picked = args.map((el, j) => el[r * (strides[j]?.[0] ?? 0) + c * (strides[j]?.[1] ?? 0)] as number);
        return this.gate(node, k, { op, c: node.c, args: picked });
      });
    }
    const a = args[0] as number[];
    const aShape = (argNodes[0] as CircuitNode).shape;
    switch (op) {
      case 'transpose': {
        const [rows, cols] = [aShape[0] as number, aShape[1] as number];
        return range(len).map((k) => a[(k % rows) * cols + Math.floor(k / rows)] as number);
      }
      case 'index': return range(len).map((k) => a[node.c + k] as number);
      case 'matmul': return this.matmul(node, a, args[1] as number[], aShape, (argNodes[1] as CircuitNode).shape);
      case 'sum': case 'mean': return this.reduce(node, a, aShape);
      case 'softmax': return this.softmax(node, a, aShape);
    }
  }

  /**
   * Adds left to right, as the tensor engine sums. The last add is the element's own wire (or, with `final`, an inner
   * wire of that id); partial sums are inner wires `base/+1`, `base/+2`, ...
   */
  private chain(node: CircuitNode, flat: number, terms: number[], base: string, final?: { id: string; text: string }): number {
    let acc = terms[0] as number;
    let text = this.name(acc);
    for (let t = 1; t < terms.length; t++) {
      text = `${text} + ${this.name(terms[t] as number)}`;
      const inner = t < terms.length - 1 ? { id: `${base}/+${t}`, text } : final;
      acc = this.gate(node, flat, { op: 'add', args: [acc, terms[t] as number] }, inner);
    }
    return acc;
  }

  private matmul(node: CircuitNode, a: number[], b: number[], aShape: readonly number[], bShape: readonly number[]): number[] {
    const m = aShape.length === 2 ? (aShape[0] as number) : 1;
    const k = aShape[aShape.length - 1] as number;
    const n = bShape.length === 2 ? (bShape[1] as number) : 1;
    const out: number[] = [];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const flat = i * n + j;
        const suffix = elementSuffix(node.shape, flat);
        const products = range(k).map((p) => {
          const args = [a[i * k + p] as number, b[p * n + j] as number];
          const inner = k === 1 ? undefined : { id: `${node.id}${suffix}/×${p}`, text: `${this.name(args[0] as number)}·${this.name(args[1] as number)}` };
          return this.gate(node, flat, { op: 'mul', args }, inner);
        });
        out.push(this.chain(node, flat, products, `${node.id}${suffix}`));
      }
    }
    return out;
  }

  private reduce(node: CircuitNode, a: number[], aShape: readonly number[]): number[] {
    const [rows, cols] = aShape.length === 2 ? [aShape[0] as number, aShape[1] as number] : [1, a.length];
    const all = node.c < 0 || aShape.length <= 1;
    const groups = all ? [a] : node.c === 0
      ? range(cols).map((j) => range(rows).map((i) => a[i * cols + j] as number))
      : range(rows).map((i) => a.slice(i * cols, (i + 1) * cols));
    return groups.map((terms, flat) => {
      const base = `${node.id}${elementSuffix(node.shape, flat)}`;
      if (terms.length === 1 && node.op === 'sum') return terms[0] as number;
      if (node.op === 'sum') return this.chain(node, flat, terms, base);
      const total = terms.length === 1 ? (terms[0] as number) : this.chain(node, flat, terms, base, { id: `${base}/sum`, text: `sum of ${terms.length}` });
      return this.gate(node, flat, { op: 'mulc', c: 1 / terms.length, args: [total] });
    });
  }

  /** softmax written out: exp of each score, their sum, and each exp divided by it. */
  private softmax(node: CircuitNode, a: number[], aShape: readonly number[]): number[] {
    const cols = aShape.length === 0 ? 1 : (aShape[aShape.length - 1] as number);
    const out: number[] = [];
    for (let r = 0; r < a.length / cols; r++) {
      const row = a.slice(r * cols, (r + 1) * cols);
      const exps = row.map((x, j) => {
        const id = `${node.id}${elementSuffix(node.shape, r * cols + j)}/exp`;
        return this.gate(node, r * cols + j, { op: 'exp', args: [x] }, { id, text: `exp(${this.name(x)})` });
      });
      const base = `${node.id}/row${r}`;
      const total = exps.length === 1 ? (exps[0] as number) : this.chain(node, r * cols, exps, base, { id: `${base}/Σ`, text: `Σ exp, row ${r}` });
      exps.forEach((e, j) => out.push(this.gate(node, r * cols + j, { op: 'div', args: [e, total] })));
    }
    return out;
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
