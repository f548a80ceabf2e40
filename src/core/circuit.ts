import type { Op } from './gates.ts';
import type { Span } from './position.ts';
import { isTensorOp, type TensorOp } from './tensor/ops.ts';
import type { Shape } from './tensor/shape.ts';

/** A scalar gate (which also works elementwise on tensors) or a gate only tensors have. */
export type GateOp = Op | TensorOp;

export type NodeKind = 'input' | 'const' | 'gate';

/** One node of the circuit and the wire leaving it. */
export interface CircuitNode {
  /** Stable across edits elsewhere and across value changes: the statement's name, then `~k` for its inner gates. */
  readonly id: string;
  readonly kind: NodeKind;
  /** The gate's operation; absent for inputs and constants. */
  readonly op?: GateOp;
  /** A gate's folded constant, a constant's value, or an input's initial value. */
  readonly c: number;
  /** Indices of the nodes this gate reads, in argument order. */
  readonly args: readonly number[];
  /** Names the user gave this wire (`q` in `q = x + y`); several when one is an alias of another. */
  readonly names: readonly string[];
  /** The source text that computes it, for naming anonymous wires. */
  readonly text: string;
  readonly span: Span;
  /** For a primitive gate that an expanded composite (σ) was made of: the composite's id. */
  readonly group?: string;
  /** For a gate an expanded composite was made of: the composite's op (`sigmoid`, `softmax`). */
  readonly composite?: GateOp;
  /** The shape of the value on this wire: `[]` for a scalar. */
  readonly shape: Shape;
  /** A tensor input's initial values or a tensor constant's values, row by row; absent for scalars. */
  readonly init?: Float64Array;
}

export interface Circuit {
  /** In topological order: every gate comes after the nodes it reads. */
  readonly nodes: readonly CircuitNode[];
  /** Input node indices, in order of first appearance. */
  readonly inputs: readonly number[];
  readonly output: number;
  readonly outputName: string;
  /** For each node, the gates that read it (a gate appears twice when it reads the wire twice, as in x * x). */
  readonly consumers: readonly (readonly number[])[];
  /** 1 where the node reaches the output; gradients flow only through these. */
  readonly live: Uint8Array;
  readonly indexById: ReadonlyMap<string, number>;
  /** Some wire carries a vector or matrix, or some gate is one only tensors have: the tensor engine runs it. */
  readonly tensor: boolean;
}

const MAX_NAME_TEXT = 18;

const MAX_OUTPUT_SYMBOL = 12;

/** The output's name as written in ∂f/∂x: its own name when short, else `f`. */
export function outputSymbol(circuit: Pick<Circuit, 'outputName'>): string {
  return circuit.outputName.length <= MAX_OUTPUT_SYMBOL ? circuit.outputName : 'f';
}

/** Digits as subscripts (U+2080–2089), one code unit each: the table of a 250,000-gate circuit names every wire. */
function subscript(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    out += c >= 48 && c <= 57 ? String.fromCharCode(0x2080 + c - 48) : digits[i];
  }
  return out;
}

/**
 * The short name an unnamed gate's wire gets, as the notes name them: the k-th inner gate of the statement `f = ...`
 * (id `f~k`) is `fₖ`; of the first, second, … unnamed statement, `aₖ`, `bₖ`, …. Derived from the id, so it is stable across edits elsewhere
 * and costs nothing until asked for. Undefined for a wire the user named or that is not a compiled inner gate.
 */
export function autoName(node: CircuitNode): string | undefined {
  if (node.names.length || node.kind !== 'gate') return undefined;
  const tilde = node.id.lastIndexOf('~');
  if (tilde < 0 || node.id.includes('/') || node.id.includes('[')) return undefined;
  const key = node.id.slice(0, tilde);
  const k = node.id.slice(tilde + 1);
  return `${key.startsWith('$') ? statementLetter(Number(key.slice(1))) : key}${subscript(k)}`;
}

/** Unnamed statements 1, 2, … are a, b, …, z, aa, ab, …: their inner gates are a₁, a₂, b₁, … */
function statementLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(97 + ((k - 1) % 26)) + letters;
  return letters || 'a';
}

/** How a wire is called in explanations: its name, its short automatic name, a constant's value, or its source text. */
export function wireName(node: CircuitNode): string {
  if (node.names.length) return node.names[0] as string;
  const auto = autoName(node);
  if (auto !== undefined) return auto;
  return shortText(node.text, MAX_NAME_TEXT);
}

/** Source text on one line, runs of white space as one space, cut to `max` characters with an ellipsis. */
export function shortText(source: string, max: number): string {
  // NOTE: reads only the characters it may show, so naming every wire of a deeply nested formula stays linear.
  let text = '';
  for (let i = 0; i < source.length && text.length <= max + 1; i++) {
    const c = source[i] as string;
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n') text += c;
    else if (text && !text.endsWith(' ')) text += ' ';
  }
  text = text.trimEnd();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Finishes a node list into a circuit. Liveness is needed at once; the consumer lists and the id index are built on
 * first use (explaining a step, regrouping), which at 10^5 gates keeps them out of every compile. Iterative.
 */
export function assemble(nodes: CircuitNode[], inputs: number[], output: number, outputName: string): Circuit {
  const live = new Uint8Array(nodes.length);
  live[output] = 1;
  for (let i = output; i >= 0; i--) {
    if (!live[i]) continue;
    const { args } = nodes[i] as CircuitNode;
    for (let j = 0; j < args.length; j++) live[args[j] as number] = 1;
  }
  let tensor = false;
  for (let i = 0; i < nodes.length && !tensor; i++) {
    const node = nodes[i] as CircuitNode;
    tensor = node.shape.length > 0 || (node.op !== undefined && isTensorOp(node.op));
  }
  return new AssembledCircuit(nodes, inputs, output, outputName, live, tensor);
}

class AssembledCircuit implements Circuit {
  private consumerLists: number[][] | undefined;
  private ids: Map<string, number> | undefined;

  constructor(
    readonly nodes: readonly CircuitNode[], readonly inputs: readonly number[], readonly output: number,
    readonly outputName: string, readonly live: Uint8Array, readonly tensor: boolean,
  ) {}

  get consumers(): readonly (readonly number[])[] {
    if (!this.consumerLists) {
      const lists: number[][] = this.nodes.map(() => []);
      this.nodes.forEach((node, i) => node.args.forEach((a) => lists[a]?.push(i)));
      this.consumerLists = lists;
    }
    return this.consumerLists;
  }

  get indexById(): ReadonlyMap<string, number> {
    this.ids ??= new Map(this.nodes.map((n, i) => [n.id, i]));
    return this.ids;
  }
}
