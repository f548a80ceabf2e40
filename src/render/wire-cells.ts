import {
  formatFull, formatTensor, formatValue, outputSymbol, sizeOf, GRAD_COMPLETE, GRAD_NONE, WRITTEN_TENSOR_LIMIT,
  type Engine, type Snapshot,
} from '../core/index.ts';
import { QUESTION_MARK, type HiddenLabels, type LabelKind } from './labels.ts';
import { cellText, extent, rangeText } from './tensor-geometry.ts';

/** `pending`: not computed yet at this step; `asked`: a quiz question, drawn `?`; `known`: shown. */
export type CellState = 'pending' | 'asked' | 'known';

export interface WireCell {
  readonly state: CellState;
  /** What the drawing writes: `3.00`, a gradient still summing `-4.00 + …`, a small tensor's numbers or a range. */
  readonly text: string;
  /** Said in full, for hover and screen readers: `q = 3`, `∂f/∂q = -4 so far: more branches still to add`. */
  readonly full: string;
}

const PENDING: WireCell = { state: 'pending', text: '', full: 'not yet computed' };
const SO_FAR = ' so far: more branches still to add';

/**
 * Every wire's value, gradient and shape tag at one step, by the rule the drawing's labels follow (`wireLabels`):
 * a value once its gate has run, a gradient once a branch has reported (marked while branches are missing), and `?`
 * for what the quiz asks. Built in O(wires) over typed arrays; the text of a row is made only when it is shown.
 */
export class StepCells {
  private readonly hidden: Record<LabelKind | 'tag', Uint8Array>;

  constructor(private readonly tape: Engine, private readonly snapshot: Snapshot, private readonly names: readonly string[], hidden?: HiddenLabels) {
    const mark = (list: readonly number[] | undefined) => {
      const set = new Uint8Array(tape.size);
      for (const i of list ?? []) if (i >= 0 && i < tape.size) set[i] = 1;
      return set;
    };
    this.hidden = { value: mark(hidden?.value), grad: mark(hidden?.grad), tag: mark(hidden?.tag) };
  }

  value(i: number): WireCell {
    return this.cell('value', i);
  }

  grad(i: number): WireCell {
    return this.cell('grad', i);
  }

  /** A tensor wire's shape (`2×2`), `?` while the quiz keeps it for a question; empty for a scalar. */
  shape(i: number): string {
    const shape = this.tape.circuit.nodes[i]?.shape ?? [];
    if (!shape.length) return '';
    return this.hidden.tag[i] ? QUESTION_MARK : shape.join('×');
  }

  private cell(kind: LabelKind, i: number): WireCell {
    const { tape, snapshot } = this;
    const state = snapshot.gradState[i] as number;
    const known = kind === 'value' ? snapshot.hasValue[i] === 1 : state !== GRAD_NONE;
    if (!known) return PENDING;
    const symbol = kind === 'value' ? this.names[i] ?? '' : `∂${outputSymbol(tape.circuit)}/∂${this.names[i] ?? ''}`;
    if (this.hidden[kind][i]) return { state: 'asked', text: QUESTION_MARK, full: `${symbol} = ? (the quiz asks for it: answer or reveal it)` };
    const partial = kind === 'grad' && state !== GRAD_COMPLETE;
    const o = tape.offset[i] as number;
    const numbers = (kind === 'value' ? tape.values : snapshot.grad).subarray(o, o + (tape.length[i] as number));
    const shape = tape.circuit.nodes[i]?.shape ?? [];
    const more = partial ? SO_FAR : '';
    if (!shape.length) {
      const v = numbers[0] as number;
      return { state: 'known', text: `${formatValue(v)}${partial ? ' + …' : ''}`, full: `${symbol} = ${formatFull(v)}${more}` };
    }
    const { min, max, mean } = extent(numbers);
    const stats = `min ${formatFull(min)}, max ${formatFull(max)}, mean ${formatFull(mean)}`;
    const text = sizeOf(shape) <= WRITTEN_TENSOR_LIMIT ? formatTensor(numbers, shape, cellText) : rangeText(min, max);
    return { state: 'known', text: `${text}${partial ? ' + …' : ''}`, full: `${symbol}: ${stats}${more}` };
  }
}
