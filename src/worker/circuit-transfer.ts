import { assemble, type Circuit, type CircuitNode, type GateOp, type NodeKind } from '../core/circuit.ts';
import { GATE_LIST } from '../core/gates.ts';
import type { SourceError } from '../core/position.ts';
import { TENSOR_OPS } from '../core/tensor/ops.ts';
import type { TapeArrays } from '../core/tape.ts';
import { SCALAR, type Shape } from '../core/tensor/shape.ts';

/**
 * A compiled circuit as a worker sends it: typed arrays (moved, not copied) and a few joined strings, so that the page
 * receives 250,000 nodes in one cheap message instead of deserialising 750,000 objects in one long task. Texts travel
 * as positions in the source, which the page already holds: a node's text is a slice of it.
 */
export interface PackedCircuit {
  readonly size: number;
  readonly kinds: Uint8Array;
  /** 0 for inputs and constants, else 1 + the op's place in OPS. */
  readonly ops: Uint8Array;
  readonly constants: Float64Array;
  /** Node i reads `args[argEnd[i - 1] ?? 0 .. argEnd[i])`. */
  readonly argEnd: Int32Array;
  readonly args: Int32Array;
  /** Node i's span is `spans[4i .. 4i + 4)`: offset, line, column, length. */
  readonly spans: Int32Array;
  /** Where node i's text starts in the source, or -1 when it is not a slice of it (an input's name, in otherTexts). */
  readonly textStarts: Int32Array;
  readonly textLengths: Int32Array;
  /** The texts that are not slices of the source, in node order, joined by SEPARATOR. */
  readonly otherTexts: string;
  /** Every node's id, joined by SEPARATOR. */
  readonly ids: string;
  /** The nodes that have names, and their names: a node's names joined by SEPARATOR, the nodes by LIST_SEPARATOR. */
  readonly named: Int32Array;
  readonly names: string;
  readonly ranks: Uint8Array;
  /** Every tensor's dimensions, in node order. */
  readonly dims: Int32Array;
  /** The values of tensor inputs and constants. */
  readonly inits: readonly { readonly index: number; readonly values: Float64Array }[];
  readonly inputs: Int32Array;
  readonly output: number;
  readonly outputName: string;
}

/**
 * What the page gets back: the circuit, its shape key and, for a scalar circuit, its tape already built and run, so
 * that the page only wraps arrays where it would have flattened and run 250,000 gates.
 */
export type PackedResult = { ok: true; circuit: PackedCircuit; shape: string; tape?: TapeArrays } | { ok: false; error: SourceError };

// NOTE: a source never holds NUL or other control characters (they are rejected as hidden), so no id, name or text does.
const SEPARATOR = '\u0000';
const LIST_SEPARATOR = '\u0001';
const KINDS: readonly NodeKind[] = ['input', 'const', 'gate'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const OPS: readonly GateOp[] = [...GATE_LIST.map((g) => g.op), ...TENSOR_OPS.keys()];
const OP_CODE = new Map(OPS.map((op, i) => [op, i + 1]));
/** Shared by every node without arguments or names, as the compiler shares its own. */
const NONE: readonly never[] = [];

/** Packs a circuit as compileLocated made it (no view's transform: those run on the page), with its texts' starts. */
export function packCircuit(circuit: Circuit, textStarts: readonly number[]): { packed: PackedCircuit; transfer: ArrayBuffer[] } {
  const { nodes } = circuit;
  const n = nodes.length;
  const kinds = new Uint8Array(n);
  const ops = new Uint8Array(n);
  const constants = new Float64Array(n);
  const argEnd = new Int32Array(n);
  const spans = new Int32Array(4 * n);
  const starts = Int32Array.from(textStarts);
  const textLengths = new Int32Array(n);
  const ranks = new Uint8Array(n);
  const args: number[] = [];
  const dims: number[] = [];
  const ids: string[] = [];
  const otherTexts: string[] = [];
  const named: number[] = [];
  const names: string[] = [];
  const inits: { index: number; values: Float64Array }[] = [];
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as CircuitNode;
    if (node.group !== undefined || node.composite !== undefined) throw new Error('packCircuit takes a compiled circuit, before any view transform');
    kinds[i] = KIND_CODE.get(node.kind) as number;
    ops[i] = node.op === undefined ? 0 : (OP_CODE.get(node.op) as number);
    constants[i] = node.c;
    for (let j = 0; j < node.args.length; j++) args.push(node.args[j] as number);
    argEnd[i] = args.length;
    const { span } = node;
    spans[4 * i] = span.offset;
    spans[4 * i + 1] = span.line;
    spans[4 * i + 2] = span.column;
    spans[4 * i + 3] = span.length;
    textLengths[i] = node.text.length;
    if ((starts[i] as number) < 0) otherTexts.push(node.text);
    ids.push(node.id);
    if (node.names.length) {
      named.push(i);
      names.push(node.names.join(SEPARATOR));
    }
    ranks[i] = node.shape.length;
    for (let j = 0; j < node.shape.length; j++) dims.push(node.shape[j] as number);
    if (node.init) inits.push({ index: i, values: node.init.slice() });
  }
  const packed: PackedCircuit = {
    size: n, kinds, ops, constants, argEnd, args: Int32Array.from(args), spans, textStarts: starts, textLengths,
    otherTexts: otherTexts.join(SEPARATOR), ids: ids.join(SEPARATOR), named: Int32Array.from(named), names: names.join(LIST_SEPARATOR),
    ranks, dims: Int32Array.from(dims), inits, inputs: Int32Array.from(circuit.inputs), output: circuit.output, outputName: circuit.outputName,
  };
  const transfer = [kinds, ops, constants, argEnd, packed.args, spans, starts, textLengths, packed.named, ranks, packed.dims, packed.inputs, ...inits.map((t) => t.values)]
    .map((a) => a.buffer as ArrayBuffer);
  return { packed, transfer };
}

/**
 * The circuit again, node by node, on the page: a generator that yields (the share done) every `every` nodes, so that
 * its caller can let the page run between slices. Texts are slices of `source`, the text that was compiled.
 */
export function* unpackCircuit(p: PackedCircuit, source: string, every = 2048): Generator<number, Circuit> {
  const ids = p.ids.split(SEPARATOR);
  const others = p.otherTexts.split(SEPARATOR);
  const namesOf = new Map<number, string[]>();
  const lists = p.names.split(LIST_SEPARATOR);
  for (let k = 0; k < p.named.length; k++) namesOf.set(p.named[k] as number, (lists[k] as string).split(SEPARATOR));
  const inits = new Map(p.inits.map((t) => [t.index, t.values]));
  const nodes: CircuitNode[] = [];
  let other = 0;
  let dim = 0;
  for (let i = 0; i < p.size; i++) {
    if (i > 0 && i % every === 0) yield i / p.size;
    const argsFrom = i > 0 ? (p.argEnd[i - 1] as number) : 0;
    const argsTo = p.argEnd[i] as number;
    const args = argsTo === argsFrom ? NONE : argsTo - argsFrom === 1 ? [p.args[argsFrom] as number]
      : argsTo - argsFrom === 2 ? [p.args[argsFrom] as number, p.args[argsFrom + 1] as number] : Array.from(p.args.subarray(argsFrom, argsTo));
    const start = p.textStarts[i] as number;
    const text = start < 0 ? (others[other++] as string) : source.slice(start, start + (p.textLengths[i] as number));
    const rank = p.ranks[i] as number;
    const shape: Shape = rank === 0 ? SCALAR : Array.from(p.dims.subarray(dim, (dim += rank)));
    const op = p.ops[i] as number;
    const s = 4 * i;
    // The fields in the compiler's order, so that every node has one hidden class and the engine's loops stay fast.
    nodes.push({
      id: ids[i] as string, kind: KINDS[p.kinds[i] as number] as NodeKind, op: op === 0 ? undefined : OPS[op - 1], c: p.constants[i] as number,
      args, names: namesOf.get(i) ?? NONE, text,
      span: { offset: p.spans[s] as number, line: p.spans[s + 1] as number, column: p.spans[s + 2] as number, length: p.spans[s + 3] as number },
      group: undefined, composite: undefined, shape, init: inits.get(i),
    });
  }
  return assemble(nodes, Array.from(p.inputs), p.output, p.outputName);
}
