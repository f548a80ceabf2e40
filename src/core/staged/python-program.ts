import type { CircuitNode } from '../circuit.ts';
import type { Op } from '../gates.ts';
import { isTensorOp } from '../tensor/ops.ts';
import { toNested } from '../tensor/nested.ts';
import { indexOf, inExpression, pythonNumber, termsOf, times, type TensorTerms } from './gate-text.ts';
import type { StagePlan } from './plan.ts';
import { pythonGates } from './python-gates.ts';
import { PYTHON_SOFTMAX, PYTHON_TENSOR_OPS, sumToShape } from './python-tensor.ts';
import { writeProgram, type Dialect } from './write-program.ts';

/** The program in Python: plain floats and `math` for a scalar circuit, NumPy for a tensor one (or where NaN or ±∞ appear). */
export function pythonProgram(plan: StagePlan, source: string): string {
  const numpy = plan.tensor || plan.exact;
  const ns = numpy ? 'np' : 'math';
  const { nodes, output } = plan.circuit;
  const lit = (v: number) => pythonNumber(v, ns);
  const gates = pythonGates(numpy, plan.exact);
  const node = (i: number) => nodes[i] as CircuitNode;
  /** NOTE: with NumPy for NaN or ±∞, a scalar is an np.float64, whose 1/0 is inf where a float's raises ZeroDivisionError. */
  const scalar = (v: number) => (plan.exact ? `np.float64(${lit(v)})` : lit(v));
  const ref = (i: number) => plan.value[i] || (plan.exact ? scalar(node(i).c) : inExpression(lit(node(i).c)));
  const tensorTerms = (g: number): TensorTerms => {
    const [a, b] = node(g).args as [number, number | undefined];
    return {
      a: ref(a), b: b === undefined ? '' : ref(b), out: plan.value[g] as string, g: plan.grad[g] as string,
      aShape: node(a).shape, bShape: b === undefined ? [] : node(b).shape, axis: node(g).c,
      index: node(g).op === 'index' ? indexOf(node(g).c, node(a).shape, node(g).shape.length === 1, ', ') : '',
    };
  };
  /** `x = -2.0`, or a vector or matrix as np.array, a matrix's rows one under the other. */
  const declare = (i: number) => {
    const { shape, c, init } = node(i);
    const name = plan.value[i] as string;
    if (!shape.length) return `${name} = ${scalar(c)}`;
    const nested = toNested(init ?? [], shape);
    const row = (r: number[]) => `[${r.map(lit).join(', ')}]`;
    if (shape.length === 1) return `${name} = np.array(${row(nested as number[])})`;
    return `${name} = np.array([${(nested as number[][]).map(row).join(`,\n${' '.repeat(name.length + 13)}`)}])`;
  };
  const accumulate = (i: number, expr: string) => `${plan.grad[i]} ${plan.accumulates[i] ? '+=' : '='} ${expr}`;

  const dialect: Dialect = {
    comment: '#',
    prelude: () => [
      'import json',
      numpy ? 'import numpy as np' : 'import math',
      ...(plan.exact ? ["np.seterr(all='ignore')  # as in the app, 1/0 is inf and log(-1) is nan, without warnings"] : []),
      ...(nodes.some((n) => n.op === 'softmax' && nodes[n.args[0] as number]?.shape.length) ? ['', '', ...PYTHON_SOFTMAX] : []),
      '',
    ],
    input: declare,
    constant: (i) => (plan.value[i] ? declare(i) : undefined),
    forward: (g) => {
      const op = node(g).op as NonNullable<CircuitNode['op']>;
      if (isTensorOp(op)) return `${plan.value[g]} = ${PYTHON_TENSOR_OPS[op].forward(tensorTerms(g))}`;
      return `${plan.value[g]} = ${gates[op as Op].forward(termsOf(nodes, g, ref, plan.value, lit))}`;
    },
    seed: () => `${plan.grad[output]} = 1.0`,
    zero: (i) => `${plan.grad[i]} = ${node(i).shape.length ? `np.zeros_like(${plan.value[i]})` : '0.0'}`,
    contribution: (g, arg) => {
      const op = node(g).op as NonNullable<CircuitNode['op']>;
      const target = node(g).args[arg] as number;
      if (op === 'index') return `${plan.grad[target]}${tensorTerms(g).index} += ${plan.grad[g]}`;
      if (isTensorOp(op)) return accumulate(target, PYTHON_TENSOR_OPS[op].backward(arg, tensorTerms(g)));
      const local = gates[op as Op].local(arg, termsOf(nodes, g, ref, plan.value, lit));
      return accumulate(target, sumToShape(times(local, plan.grad[g] as string), node(g).shape, node(target).shape));
    },
    print: () => {
      const grads = plan.circuit.inputs.map((i) => `${JSON.stringify(node(i).names[0])}: as_json(${plan.grad[i]})`);
      const head = `print(json.dumps({"output": as_json(${plan.value[output]}), "grads": {`;
      const one = `${head}${grads.join(', ')}}}))`;
      return ['', ...asJson(numpy), '', '', ...(one.length <= 110 ? [one] : [head, ...grads.map((e) => `    ${e},`), '}}))'])];
    },
  };
  return writeProgram(plan, source, dialect);
}

/** JSON has no NaN or infinities, and Python's json.dumps would write them bare: as_json writes them as strings. */
function asJson(numpy: boolean): string[] {
  return [
    'def as_json(v):',
    '    """JSON has no NaN or infinities: they are written as the strings "NaN", "Infinity" and "-Infinity"."""',
    ...(numpy ? ['    if isinstance(v, np.ndarray) and v.ndim > 0:', '        return [as_json(e) for e in v]'] : []),
    '    v = float(v)',
    `    return v if ${numpy ? 'np' : 'math'}.isfinite(v) else 'NaN' if v != v else 'Infinity' if v > 0 else '-Infinity'`,
  ];
}
