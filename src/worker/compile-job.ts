import { compileLocated } from '../core/compile.ts';
import { shapeKey } from '../core/shape-key.ts';
import { Tape } from '../core/tape.ts';
import { packCircuit, type PackedResult } from './circuit-transfer.ts';

/** What the page asks the compile worker: compile this source; `job` names the answer. */
export interface CompileRequest {
  readonly job: number;
  readonly source: string;
}

/** What the worker answers: how far it has read (a share of the source), then the packed circuit or the error. */
export type CompileReply =
  | { readonly job: number; readonly kind: 'progress'; readonly read: number }
  | { readonly job: number; readonly kind: 'done'; readonly result: PackedResult };

/** The worker tells how far it has read at most this often: often enough for a moving number, rarely enough to be cheap. */
const PROGRESS_EVERY_MS = 100;

/** The worker's whole job, without the worker: compile, build and run the tape, then pack for the trip (see circuit-transfer.ts). */
export function compileJob(source: string, progress: (read: number) => void = () => {}): { result: PackedResult; transfer: ArrayBuffer[] } {
  let told = Date.now();
  const { result, textStarts } = compileLocated(source, (end) => {
    const now = Date.now();
    if (now - told < PROGRESS_EVERY_MS) return;
    told = now;
    progress(end / Math.max(1, source.length));
  });
  if (!result.ok) return { result, transfer: [] };
  const { circuit } = result;
  const { packed, transfer } = packCircuit(circuit, textStarts);
  const shape = shapeKey(circuit);
  if (circuit.tensor) return { result: { ok: true, circuit: packed, shape }, transfer };
  const { op, arg0, arg1, constant, values, grads, locals } = new Tape(circuit);
  const tape = { op, arg0, arg1, constant, values, grads, locals };
  return { result: { ok: true, circuit: packed, shape, tape }, transfer: [...transfer, ...Object.values(tape).map((a) => a.buffer as ArrayBuffer)] };
}
