import type { CircuitNode } from '../circuit.ts';
import type { Op } from '../gates.ts';
import { toNested } from '../tensor/nested.ts';
import { isTensorOp } from '../tensor/ops.ts';
import { indexOf, inExpression, jsNumber, termsOf, times, type TensorTerms } from './gate-text.ts';
import { jsGates } from './js-gates.ts';
import { jsHelpers } from './js-helpers.ts';
import { JS_TENSOR_OPS, shapeText } from './js-tensor.ts';
import type { StagePlan } from './plan.ts';
import { writeProgram, type Dialect } from './write-program.ts';

const HELPERS_GO_HERE = '\u0000helpers';

/** The program as an ES module: plain numbers for scalars, nested arrays and a few helpers for tensors. */
export function javascriptProgram(plan: StagePlan, source: string): string {
  const { nodes, output } = plan.circuit;
  const gates = jsGates(plan.exact);
  const node = (i: number) => nodes[i] as CircuitNode;
  const ref = (i: number) => plan.value[i] || inExpression(jsNumber(node(i).c));
  const isTensor = (name: string, i: number) => name !== '' && node(i).shape.length > 0;
  /**
   * A scalar line applied to every element with `each`, when some wire it names is a tensor: the lambda's parameters
   * take the wires' own names, so its body reads as the scalar program's line.
   */
  const elementwise = (body: string, wires: readonly (readonly [name: string, node: number])[]): string => {
    const params = [...new Set(wires.filter(([name, i]) => isTensor(name, i) && new RegExp(`(?<![\\w.$])${name}(?![\\w$])`).test(body)).map(([name]) => name))];
    if (!params.length || body === params[0]) return body;
    return `each((${params.join(', ')}) => ${body}, ${params.join(', ')})`;
  };
  const tensorTerms = (g: number): TensorTerms => {
    const [a, b] = node(g).args as [number, number | undefined];
    return {
      a: ref(a), b: b === undefined ? '' : ref(b), out: plan.value[g] as string, g: plan.grad[g] as string,
      aShape: node(a).shape, bShape: b === undefined ? [] : node(b).shape, axis: node(g).c,
      index: node(g).op === 'index' ? indexOf(node(g).c, node(a).shape, node(g).shape.length === 1, '][') : '',
    };
  };
  const wiresOf = (g: number) => [...node(g).args.map((a) => [plan.value[a] as string, a] as const), [plan.value[g] as string, g] as const, [plan.grad[g] as string, g] as const];
  const declare = (i: number) => {
    const { shape, c, init } = node(i);
    const name = plan.value[i] as string;
    if (!shape.length) return `const ${name} = ${jsNumber(c)};`;
    const nested = toNested(init ?? [], shape);
    const row = (r: number[]) => `[${r.map(jsNumber).join(', ')}]`;
    if (shape.length === 1) return `const ${name} = ${row(nested as number[])};`;
    return `const ${name} = [\n${(nested as number[][]).map((r) => `  ${row(r)},`).join('\n')}\n];`;
  };
  const tensorGrad = (i: number) => node(i).shape.length > 0;

  const dialect: Dialect = {
    comment: '//',
    prelude: () => [HELPERS_GO_HERE],
    input: declare,
    constant: (i) => (plan.value[i] ? declare(i) : undefined),
    forward: (g) => {
      const op = node(g).op as NonNullable<CircuitNode['op']>;
      if (isTensorOp(op)) return `const ${plan.value[g]} = ${JS_TENSOR_OPS[op].forward(tensorTerms(g))};`;
      return `const ${plan.value[g]} = ${elementwise(gates[op as Op].forward(termsOf(nodes, g, ref, plan.value, jsNumber)), wiresOf(g))};`;
    },
    seed: () => `const ${plan.grad[output]} = 1;`,
    zero: (i) => `${plan.accumulates[i] ? 'let' : 'const'} ${plan.grad[i]} = ${tensorGrad(i) ? `zeros(${shapeText(node(i).shape)})` : '0'};`,
    contribution: (g, arg) => {
      const op = node(g).op as NonNullable<CircuitNode['op']>;
      const target = node(g).args[arg] as number;
      const grad = plan.grad[target] as string;
      if (op === 'index') {
        const at = `${grad}${tensorTerms(g).index}`;
        return tensorGrad(g) ? `${at} = add(${at}, ${plan.grad[g]});` : `${at} += ${plan.grad[g]};`;
      }
      let expr: string;
      if (isTensorOp(op)) expr = JS_TENSOR_OPS[op].backward(arg, tensorTerms(g));
      else {
        const local = gates[op as Op].local(arg, termsOf(nodes, g, ref, plan.value, jsNumber));
        expr = elementwise(times(local, plan.grad[g] as string), wiresOf(g));
        const from = node(g).shape;
        const to = node(target).shape;
        if (!to.length && from.length) expr = `sum(${expr})`;
        else if (from.length !== to.length || from.some((d, k) => d !== to[k])) expr = `sumTo(${expr}, ${shapeText(to)})`;
      }
      if (!plan.accumulates[target]) return `const ${grad} = ${expr};`;
      return tensorGrad(target) ? `${grad} = add(${grad}, ${expr});` : `${grad} += ${expr};`;
    },
    print: () => {
      const key = (name: string) => (name === '__proto__' ? `["__proto__"]` : name);
      const grads = plan.circuit.inputs.map((i) => `${key(node(i).names[0] as string)}: asJson(${plan.grad[i]})`);
      const one = `console.log(JSON.stringify({ output: asJson(${plan.value[output]}), grads: { ${grads.join(', ')} } }));`;
      return one.length <= 110 ? [one] : [`console.log(JSON.stringify({ output: asJson(${plan.value[output]}), grads: {`, ...grads.map((e) => `  ${e},`), '} }));'];
    },
  };
  const program = writeProgram(plan, source, dialect);
  const helpers = jsHelpers(program);
  return program.replace(`${HELPERS_GO_HERE}\n`, helpers.length ? `\n${helpers.join('\n')}` : '');
}
