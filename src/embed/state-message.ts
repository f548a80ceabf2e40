import { GRAD_COMPLETE, snapshotAt, toNested, wireName, type Nested, type Shape, type SourceError } from '../core/index.ts';
import type { Model } from '../state/model.ts';
import type { MessageId } from './messages.ts';

/** Messages app → host. Numbers stay numbers, NaN and ±Infinity included: postMessage uses structured clone, not JSON. */
export interface WireState {
  /** `[]` for a scalar; `[n]` or `[r, c]` for a tensor, whose value and gradient are nested arrays, row by row. */
  readonly shape: Shape;
  readonly value: Nested | null;
  readonly grad: Nested | null;
}

export interface StateMessage {
  readonly type: 'circuit:state';
  readonly id?: MessageId;
  readonly source: string;
  readonly step: number;
  /** The last step's number: steps run from 0 to `steps`, as in the app's "step k of N". */
  readonly steps: number;
  readonly phase: 'forward' | 'backward';
  readonly output: WireState & { readonly name: string };
  readonly inputs: readonly (WireState & { readonly name: string })[];
  readonly wires: readonly (WireState & { readonly id: string; readonly label: string })[];
}

export interface ErrorMessage {
  readonly type: 'circuit:error';
  readonly id?: MessageId;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The embed's content size in CSS pixels, for a host that sizes its iframe to fit (see `content-size.ts`). */
export interface ResizeMessage {
  readonly type: 'circuit:resize';
  readonly width: number;
  readonly height: number;
}

export const API_VERSION = 1;
export const readyMessage = { type: 'circuit:ready', version: API_VERSION } as const;

const withId = (id: MessageId | undefined) => (id === undefined ? {} : { id });

/**
 * What the host sees at one step: a value once the forward pass has computed it, a gradient once every branch
 * has sent its share back (a partial sum counts as not computed); `null` until then.
 */
export function stateMessage(model: Model, step: number, id?: MessageId): StateMessage {
  const { circuit, tape, schedule } = model;
  const snapshot = snapshotAt(tape, schedule, step);
  const at = (i: number): WireState => {
    const { shape } = circuit.nodes[i] as (typeof circuit.nodes)[number];
    return {
      shape,
      value: snapshot.hasValue[i] ? toNested(tape.value(i), shape) : null,
      grad: snapshot.gradState[i] === GRAD_COMPLETE ? toNested(tape.grad(i), shape) : null,
    };
  };
  const phase = schedule.step(snapshot.step).phase;
  return {
    type: 'circuit:state',
    ...withId(id),
    source: model.source,
    step: snapshot.step,
    steps: schedule.last,
    phase: phase === 'seed' || phase === 'backward' ? 'backward' : 'forward',
    output: { name: circuit.outputName, ...at(circuit.output) },
    inputs: circuit.inputs.map((i) => ({ name: circuit.nodes[i]?.names[0] ?? '', ...at(i) })),
    wires: circuit.nodes.map((node, i) => ({ id: node.id, label: wireName(node), ...at(i) })),
  };
}

export const resizeMessage = (width: number, height: number): ResizeMessage => ({ type: 'circuit:resize', width, height });

export function errorMessage(message: string, id?: MessageId, where?: Pick<SourceError, 'line' | 'column'>): ErrorMessage {
  return { type: 'circuit:error', ...withId(id), message, ...(where ? { line: where.line, column: where.column } : {}) };
}
