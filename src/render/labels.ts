import { formatFull, formatValue, outputSymbol, shapeTag, GRAD_COMPLETE, GRAD_NONE, type Engine, type Snapshot } from '../core/index.ts';

/** The text of every wire's labels at one step; empty where nothing is known yet. */
export interface WireLabels {
  readonly value: string[];
  readonly grad: string[];
  readonly partial: Uint8Array;
  /** The full-precision text shown on hover, built only for the label hovered. */
  full(kind: 'value' | 'grad', index: number): string;
}

export function wireLabels(tape: Engine, snapshot: Snapshot, names: readonly string[]): WireLabels {
  const n = tape.size;
  const value: string[] = new Array(n);
  const grad: string[] = new Array(n);
  const partial = new Uint8Array(n);
  const { offset, circuit } = tape;
  const text = (buffer: Float64Array, i: number) => {
    const shape = circuit.nodes[i]?.shape ?? [];
    return shape.length ? shapeTag(shape) : formatValue(buffer[offset[i] as number] as number);
  };
  for (let i = 0; i < n; i++) {
    value[i] = snapshot.hasValue[i] === 1 ? text(tape.values, i) : '';
    const state = snapshot.gradState[i] as number;
    grad[i] = state === GRAD_NONE ? '' : text(snapshot.grad, i);
    partial[i] = state !== GRAD_NONE && state !== GRAD_COMPLETE ? 1 : 0;
  }
  const full = (kind: 'value' | 'grad', i: number): string => {
    if (kind === 'value') return value[i] ? `${names[i]} = ${formatFull(tape.values[offset[i] as number] as number)}` : '';
    if (!grad[i]) return '';
    const more = partial[i] ? ' so far: more branches still to add' : '';
    return `∂${outputSymbol(tape.circuit)}/∂${names[i]} = ${formatFull(snapshot.grad[offset[i] as number] as number)}${more}`;
  };
  return { value, grad, partial, full };
}
