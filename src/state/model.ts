import { compileSource, createEngine, Schedule, type Circuit, type CompileOptions, type Engine, type SourceError } from '../core/index.ts';

/** A compiled formula ready to show: the circuit, its engine and its step order. */
export interface Model {
  readonly source: string;
  readonly circuit: Circuit;
  /** The engine that computes it: the scalar tape, or the tensor engine when wires carry vectors or matrices. */
  readonly tape: Engine;
  readonly schedule: Schedule;
  /** Same for two models whose circuits have the same shape (ids, gates, wiring); the drawing is reused when it matches. */
  readonly shape: string;
}

export type BuildResult = { ok: true; model: Model } | { ok: false; error: SourceError };

export function buildModel(source: string, options: CompileOptions): BuildResult {
  const compiled = compileSource(source, options);
  if (!compiled.ok) return compiled;
  const { circuit } = compiled;
  return { ok: true, model: { source, circuit, tape: createEngine(circuit), schedule: new Schedule(circuit), shape: shapeOf(circuit) } };
}

function shapeOf(circuit: Circuit): string {
  const parts: string[] = [];
  for (const n of circuit.nodes) parts.push(`${n.id}:${n.kind}:${n.op ?? ''}:${n.kind === 'input' ? '' : n.c}:${n.args.join(',')}:${n.names.join(',')}:${n.shape.join('x')}`);
  return parts.join('|');
}

/** Where the same computation sits in another circuit: used to keep the step when the circuit is edited or regrouped. */
export function carryStep(from: Model, step: number, to: Model): number {
  if (step >= from.schedule.last) return to.schedule.last;
  if (from.shape === to.shape) return to.schedule.clamp(step);
  const { phase, node } = from.schedule.step(step);
  if (phase === 'start') return 0;
  if (phase === 'seed') return to.schedule.seedStep;
  const id = from.circuit.nodes[node]?.id ?? '';
  const group = from.circuit.nodes[node]?.group;
  const target = to.circuit.indexById.get(id) ?? (group === undefined ? undefined : to.circuit.indexById.get(group));
  const mapped = target === undefined ? -1 : to.schedule.stepOf(phase, target);
  return mapped >= 0 ? mapped : to.schedule.clamp(step);
}
