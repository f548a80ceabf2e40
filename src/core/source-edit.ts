import type { Circuit } from './circuit.ts';

/** Writes a number back into a formula: short, exact enough for a slider, never `NaN` (inputs must be finite). */
export function formatSourceNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`cannot write ${v} into a formula`);
  const s = Number(v.toPrecision(10)).toString();
  return s.includes('e') ? v.toExponential().replace('e+', 'e') : s;
}

const DECLARATION = /^([A-Za-z_][A-Za-z0-9_]*)([ \t]*=[ \t]*)(-?[ \t]*(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;

/**
 * The source with one input's value changed, so the editor, the link and the circuit agree: a declared input's
 * number is replaced in place; an input that was only used gets a declaration just before the statement that
 * first uses it, which keeps the inputs in the same order.
 */
export function setInputInSource(source: string, circuit: Circuit, values: ArrayLike<number>, input: number, value: number): string {
  const node = circuit.nodes[input];
  if (!node || node.kind !== 'input') throw new Error(`node ${input} is not an input`);
  const declared = declarationOf(source, input, circuit);
  if (declared) return source.slice(0, declared.start) + formatSourceNumber(value) + source.slice(declared.end);
  // Declare every implicit input first used in the same statement, in order, so the inputs keep their order.
  const insertAt = statementStart(source, node.span.offset);
  const declarations = circuit.inputs
    .filter((i) => !declarationOf(source, i, circuit) && statementStart(source, circuit.nodes[i]?.span.offset ?? 0) === insertAt)
    .map((i) => `${circuit.nodes[i]?.names[0]} = ${formatSourceNumber(i === input ? value : (values[i] as number))}; `);
  return source.slice(0, insertAt) + declarations.join('') + source.slice(insertAt);
}

function declarationOf(source: string, input: number, circuit: Circuit): { start: number; end: number } | undefined {
  const node = circuit.nodes[input];
  if (!node) return undefined;
  const at = node.span.offset;
  const match = source.slice(at, at + 400).match(DECLARATION);
  if (!match || match[1] !== node.names[0]) return undefined;
  const start = at + (match[1] as string).length + (match[2] as string).length;
  return { start, end: start + (match[3] as string).length };
}

function statementStart(source: string, offset: number): number {
  const start = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf(';', offset - 1)) + 1;
  return start + (/^[ \t]*/.exec(source.slice(start))?.[0].length ?? 0);
}
