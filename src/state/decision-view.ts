import { createEngine, type Circuit } from '../core/index.ts';
import { decisionMap, type DecisionMap } from '../core/training/index.ts';
import { carryInputs } from './carry-inputs.ts';
import type { Model } from './model.ts';

/** Built once per compiled circuit: the map's own batch circuit is compiled then, never per step. */
const maps = new WeakMap<Circuit, DecisionMap | null>();

export function decisionMapOf(model: Model): DecisionMap | null {
  let map = maps.get(model.compiled);
  if (map === undefined) {
    map = decisionMap(model.source, model.compiled) ?? null;
    maps.set(model.compiled, map);
  }
  return map;
}

/** The map's predictions with the parameters shown, read by name from the circuit as compiled (whatever the view). */
export function predictionsOf(model: Model, map: DecisionMap): Float64Array {
  let engine = model.tape;
  if (model.circuit !== model.compiled) {
    engine = createEngine(model.compiled);
    carryInputs(model.tape, engine);
  }
  const { circuit } = engine;
  const byName = new Map(circuit.inputs.map((i) => [circuit.nodes[i]?.names[0] as string, i]));
  return map.predict((name) => {
    const i = byName.get(name);
    return i === undefined ? undefined : engine.value(i);
  });
}
