import { formatFull, formatValue, GRAD_COMPLETE, GRAD_NONE, type Snapshot, type Tape } from '../core/index.ts';

/** The text of every wire's labels at one step; empty where nothing is known yet. */
export interface WireLabels {
  readonly value: string[];
  readonly valueTitle: string[];
  readonly grad: string[];
  readonly gradTitle: string[];
  readonly partial: Uint8Array;
}

export function wireLabels(tape: Tape, snapshot: Snapshot, names: readonly string[]): WireLabels {
  const n = tape.size;
  const value: string[] = new Array(n);
  const valueTitle: string[] = new Array(n);
  const grad: string[] = new Array(n);
  const gradTitle: string[] = new Array(n);
  const partial = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = tape.values[i] as number;
    const shown = snapshot.hasValue[i] === 1;
    value[i] = shown ? formatValue(v) : '';
    valueTitle[i] = shown ? `${names[i]} = ${formatFull(v)}` : '';
    const state = snapshot.gradState[i] as number;
    const g = snapshot.grad[i] as number;
    grad[i] = state === GRAD_NONE ? '' : formatValue(g);
    partial[i] = state !== GRAD_NONE && state !== GRAD_COMPLETE ? 1 : 0;
    gradTitle[i] = state === GRAD_NONE ? '' : `gradient of the output with respect to ${names[i]} = ${formatFull(g)}${partial[i] ? ' (so far: more branches still to add)' : ''}`;
  }
  return { value, valueTitle, grad, gradTitle, partial };
}
