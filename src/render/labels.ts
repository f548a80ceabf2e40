import { formatFull, formatValue, outputSymbol, GRAD_COMPLETE, GRAD_NONE, type Engine, type Snapshot } from '../core/index.ts';
import { elementIndex } from './tensor-geometry.ts';

export type LabelKind = 'value' | 'grad';

/** What a wire shows while its number (or shape) is a quiz question not yet answered. */
export const QUESTION_MARK = '?';

/** Wires drawn as `?` for the quiz, by node index: their value, their gradient, a tensor wire's shape tag. */
export interface HiddenLabels {
  readonly value: readonly number[];
  readonly grad: readonly number[];
  readonly tag: readonly number[];
  /** The wire the question is about, drawn stronger than the others hidden with it; -1 for none. */
  readonly asked?: number;
}

/** The text of every wire's labels at one step; empty where nothing is known yet. */
export interface WireLabels {
  /** A scalar wire's label text; for a tensor wire, a fingerprint of its numbers, so only changed blocks are redrawn. */
  readonly value: string[];
  readonly grad: string[];
  readonly partial: Uint8Array;
  /** 1 where a tensor wire's shape tag is drawn as `?`. */
  readonly hiddenTag: Uint8Array;
  /** The wire whose `?` is the question asked (others are hidden only until it is answered); -1 for none. */
  readonly asked: number;
  /** The full-precision text shown on hover, built only for the label hovered. */
  full(kind: LabelKind, index: number): string;
  /** A scalar wire's number to full precision (`3`, `-0.196612`), `?` while the quiz hides it, empty while not known. */
  exact(kind: LabelKind, index: number): string;
  /** A tensor wire's numbers at this step (its gradient summed so far), or undefined while not known. */
  numbers(kind: LabelKind, index: number): Float64Array | undefined;
  /** The hover text of element k of a tensor wire: `W[0, 1] = 0.5`. */
  element(kind: LabelKind, index: number, k: number): string;
}

export function wireLabels(tape: Engine, snapshot: Snapshot, names: readonly string[], hidden?: HiddenLabels): WireLabels {
  const n = tape.size;
  const value: string[] = new Array(n);
  const grad: string[] = new Array(n);
  const partial = new Uint8Array(n);
  const { offset, length, circuit } = tape;
  const isTensor = (i: number) => (circuit.nodes[i]?.shape.length ?? 0) > 0;
  const slice = (buffer: Float64Array, i: number) => buffer.subarray(offset[i] as number, (offset[i] as number) + (length[i] as number));
  const text = (buffer: Float64Array, i: number) => (isTensor(i) ? fingerprint(slice(buffer, i)) : formatValue(buffer[offset[i] as number] as number));
  for (let i = 0; i < n; i++) {
    value[i] = snapshot.hasValue[i] === 1 ? text(tape.values, i) : '';
    const state = snapshot.gradState[i] as number;
    grad[i] = state === GRAD_NONE ? '' : text(snapshot.grad, i);
    partial[i] = state !== GRAD_NONE && state !== GRAD_COMPLETE ? 1 : 0;
  }
  const hiddenTag = new Uint8Array(n);
  for (const i of hidden?.value ?? []) if (value[i]) value[i] = QUESTION_MARK;
  for (const i of hidden?.grad ?? []) if (grad[i]) grad[i] = QUESTION_MARK;
  for (const i of hidden?.tag ?? []) if (i >= 0 && i < n) hiddenTag[i] = 1;
  const asked = (kind: LabelKind, i: number) => (kind === 'value' ? value : grad)[i] === QUESTION_MARK;
  const f = outputSymbol(circuit);
  const more = (i: number) => (partial[i] ? ' so far: more branches still to add' : '');
  const exact = (kind: LabelKind, i: number): string => {
    if (asked(kind, i)) return QUESTION_MARK;
    if (!(kind === 'value' ? value[i] : grad[i])) return '';
    return formatFull((kind === 'value' ? tape.values : snapshot.grad)[offset[i] as number] as number);
  };
  const full = (kind: LabelKind, i: number): string => {
    if (asked(kind, i)) return `${kind === 'value' ? names[i] : `∂${f}/∂${names[i]}`} = ? (the quiz asks for it: answer or reveal it)`;
    if (kind === 'value') return value[i] ? `${names[i]} = ${exact(kind, i)}` : '';
    return grad[i] ? `∂${f}/∂${names[i]} = ${exact(kind, i)}${more(i)}` : '';
  };
  const numbers = (kind: LabelKind, i: number) => {
    if (!(kind === 'value' ? value[i] : grad[i]) || asked(kind, i)) return undefined;
    return slice(kind === 'value' ? tape.values : snapshot.grad, i);
  };
  const element = (kind: LabelKind, i: number, k: number): string => {
    const numbersOf = numbers(kind, i);
    if (!numbersOf || k < 0 || k >= numbersOf.length) return '';
    const at = `${names[i]}${elementIndex(circuit.nodes[i]?.shape ?? [], k)}`;
    const v = formatFull(numbersOf[k] as number);
    return kind === 'value' ? `${at} = ${v}` : `∂${f}/∂${at} = ${v}${more(i)}`;
  };
  return { value, grad, partial, hiddenTag, asked: hidden?.asked ?? -1, full, exact, numbers, element };
}

/** FNV-1a over the numbers' bits: it changes whenever any element does, so an edit redraws just the blocks it changed. */
function fingerprint(numbers: Float64Array): string {
  const words = new Uint32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2);
  let h = 2166136261;
  for (let k = 0; k < words.length; k++) h = Math.imul(h ^ (words[k] as number), 16777619);
  return `#${numbers.length}:${(h >>> 0).toString(36)}`;
}
