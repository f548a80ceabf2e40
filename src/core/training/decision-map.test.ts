import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { createEngine } from '../create-engine.ts';
import { EXAMPLES } from '../examples.ts';
import { isDataName, isParameterByDefault } from './data-inputs.ts';
import { decisionMap } from './decision-map.ts';

const source = (id: string) => EXAMPLES.find((e) => e.id === id)?.source as string;

function compiled(text: string) {
  const result = compileSource(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.circuit;
}

describe('data inputs', () => {
  it('names X, y, x_train, labels… data; tensors otherwise default to parameters, scalars do not', () => {
    for (const name of ['X', 'x', 'y', 'Y', 'X2', 'x_train', 'y_test', 'data', 'labels', 'targets', 'inputs']) expect(isDataName(name)).toBe(true);
    for (const name of ['W', 'syn0', 'b', 'xy', 'w1', 'weights']) expect(isDataName(name)).toBe(false);
    const circuit = compiled(source('eleven-line-net'));
    expect(circuit.inputs.filter((i) => isParameterByDefault(circuit, i)).map((i) => circuit.nodes[i]?.names[0])).toEqual(['syn0', 'syn1']);
    const scalar = compiled('w = 2; x = 3; f = w * x');
    expect(scalar.inputs.some((i) => isParameterByDefault(scalar, i))).toBe(false);
  });
});

describe('decisionMap', () => {
  it('predicts the 11-line network over the unit square, each cell as the circuit would at that point', () => {
    const text = source('eleven-line-net');
    const circuit = compiled(text);
    const map = decisionMap(text, circuit, 8);
    expect(map?.points).toEqual([{ x0: 0, x1: 0, target: 0 }, { x0: 0, x1: 1, target: 1 }, { x0: 1, x1: 0, target: 1 }, { x0: 1, x1: 1, target: 0 }]);
    const engine = createEngine(circuit);
    const byName = (name: string) => engine.value(circuit.indexById.get(name) as number);
    const cells = map?.predict(byName) as Float64Array;
    expect(cells).toHaveLength(64);
    // Cell (row 7, column 0) is the point (1/16, 1/16): the same network on a batch of that one point, as a check.
    const one = compiled(text.replace(/X = \[\[0, 0, 1\],[^]*?\[1, 1, 1\]\]/, 'X = [[0.0625, 0.0625, 1]]').replace('y = [[0], [1], [1], [0]]', 'y = [[0]]'));
    const check = createEngine(one);
    expect(cells[56]).toBeCloseTo(check.value(one.indexById.get('l2') as number)[0] as number, 15);
  });

  it('is absent where the data is not two features with a target', () => {
    for (const id of ['lecture-1', 'vector-norm', 'two-layer-net']) expect(decisionMap(source(id), compiled(source(id)))).toBeUndefined();
  });
});
