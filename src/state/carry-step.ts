import type { Model } from './model.ts';

/**
 * Where the same computation sits in another circuit: used to keep the step when the circuit is edited or shown in
 * another view. A gate is found by its id, by the composite it was part of (an expanded σ, the tensor gate an
 * element came from), or as the first of the gates made from it (a tensor gate shown as scalars).
 */
export function carryStep(from: Model, step: number, to: Model): number {
  if (step >= from.schedule.last) return to.schedule.last;
  if (from.shape === to.shape) return to.schedule.clamp(step);
  const { phase, node } = from.schedule.step(step);
  if (phase === 'start') return 0;
  if (phase === 'seed') return to.schedule.seedStep;
  const id = from.circuit.nodes[node]?.id ?? '';
  const group = from.circuit.nodes[node]?.group;
  const target = to.circuit.indexById.get(id) ?? (group === undefined ? undefined : to.circuit.indexById.get(group));
  const mapped = target === undefined ? firstOfGroup(to, phase, id) : to.schedule.stepOf(phase, target);
  return mapped >= 0 ? mapped : to.schedule.clamp(step);
}

/** The earliest step, in this phase, of a gate made from the composite `id`; -1 if there is none. */
function firstOfGroup(to: Model, phase: 'forward' | 'backward', id: string): number {
  let best = -1;
  to.circuit.nodes.forEach((n, i) => {
    if (n.group !== id) return;
    const step = to.schedule.stepOf(phase, i);
    if (step >= 0 && (best < 0 || step < best)) best = step;
  });
  return best;
}
