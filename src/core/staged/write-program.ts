import type { CircuitNode } from '../circuit.ts';
import type { StagePlan } from './plan.ts';

/** How one language writes each part of a staged program; `write` puts the parts in order. */
export interface Dialect {
  /** The line-comment marker: `#` or `//`. */
  readonly comment: string;
  /** Imports and helper functions. */
  prelude(): string[];
  input(i: number): string;
  /** A constant that has a line of its own (a vector or matrix, or a named one); undefined when written in place. */
  constant(i: number): string | undefined;
  forward(g: number): string;
  seed(): string;
  /** A gradient that starts at 0: one that branches, or an input that no gradient reaches. */
  zero(i: number): string;
  contribution(g: number, arg: number): string;
  /** The last line: the output and every input's gradient as JSON. */
  print(): string[];
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/;

/** Why a line's variable is not simply the formula's name: renamed from a keyword, or one of several names. */
function note(plan: StagePlan, i: number, comment: string): string {
  const { names } = plan.circuit.nodes[i] as CircuitNode;
  const notes: string[] = [];
  if (names.length && names[0] !== plan.value[i]) notes.push(`'${names[0]}' in the formula`);
  if (names.length > 1) notes.push(`also ${names.slice(1).join(', ')}`);
  return notes.length ? `  ${comment} ${notes.join('; ')}` : '';
}

export function writeProgram(plan: StagePlan, source: string, d: Dialect): string {
  const c = d.comment;
  const { nodes, output } = plan.circuit;
  const formula = source.split(LINE_BREAKS).map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  const lines = [
    `${c} The forward and backward pass of`,
    ...formula.map((line) => `${c}     ${line}`),
    `${c} staged as CS231n stages backprop: one line per gate forward, then the chain rule gate by gate in reverse.`,
    `${c} The last line printed is {"output": ..., "grads": {input: gradient}}.`,
    ...d.prelude(),
    '',
  ];
  plan.circuit.inputs.forEach((i) => lines.push(d.input(i) + note(plan, i, c)));
  lines.push('', `${c} forward pass`);
  nodes.forEach((node, i) => {
    const constant = node.kind === 'const' ? d.constant(i) : undefined;
    if (constant !== undefined) lines.push(constant + note(plan, i, c));
    else if (node.kind === 'gate') lines.push(d.forward(i) + note(plan, i, c));
  });
  lines.push('', `${c} backward pass: each gradient is a local gradient times the gradient flowing into the gate`, d.seed());
  const zeros = [...plan.unreached, ...nodes.map((_, i) => i).filter((i) => plan.accumulates[i] && i !== output)];
  for (const i of zeros) lines.push(d.zero(i));
  for (const { gate, arg } of plan.backward) lines.push(d.contribution(gate, arg));
  lines.push('', ...d.print());
  return `${lines.join('\n')}\n`;
}
