import { createEngine, writeInputsInSource, type WriteResult } from '../core/index.ts';
import { carryInputs } from './carry-inputs.ts';
import type { Model } from './model.ts';

/**
 * The model's source with every input whose value differs from the formula's (trained, or dragged and not yet
 * committed) written in, read from the view shown into the circuit as compiled.
 */
export function writtenSource(model: Model): WriteResult {
  const current = createEngine(model.compiled);
  const formula = createEngine(model.compiled);
  carryInputs(model.tape, current);
  const changed = model.compiled.inputs.filter((i) => {
    const now = current.value(i);
    const was = formula.value(i);
    return now.some((v, k) => !Object.is(v, was[k]));
  });
  if (changed.length === 0) return { ok: true, source: model.source };
  return writeInputsInSource(model.source, current, changed);
}
