import type { Circuit } from './circuit.ts';

/** Writes a number back into a formula: short, exact enough for a slider, never `NaN` (inputs must be finite). */
export function formatSourceNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`cannot write ${v} into a formula`);
  const s = Number(v.toPrecision(10)).toString();
  return s.includes('e') ? v.toExponential().replace('e+', 'e') : s;
}

const NUMBER = String.raw`-?[ \t]*(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;

/**
 * The source with one input's value changed, so the editor, the link and the circuit agree: a declared input's
 * number is replaced in place; an input that was only used gets a declaration just before the statement that
 * first uses it, which keeps the inputs in the same order.
 */
export function setInputInSource(source: string, circuit: Circuit, values: ArrayLike<number>, input: number, value: number): string {
  const node = circuit.nodes[input];
  if (!node || node.kind !== 'input') throw new Error(`node ${input} is not an input`);
  const name = node.names[0] as string;
  const declared = findDeclaration(source, name);
  if (declared) return source.slice(0, declared.start) + formatSourceNumber(value) + source.slice(declared.end);
  // Declare every implicit input first used in the same statement, in order, so the inputs keep their order.
  const insertAt = statementStart(source, node.span.offset);
  const declarations = circuit.inputs
    .filter((i) => !findDeclaration(source, circuit.nodes[i]?.names[0] as string) && statementStart(source, circuit.nodes[i]?.span.offset ?? 0) === insertAt)
    .map((i) => `${circuit.nodes[i]?.names[0]} = ${formatSourceNumber(i === input ? value : (values[i] as number))}; `);
  return source.slice(0, insertAt) + declarations.join('') + source.slice(insertAt);
}

/**
 * Where the number of `name = <number>` stands, found in the text itself (not from a compiled circuit's spans, which
 * go stale as soon as a number of another length is written). A name is assigned once, so the match is unique.
 */
export function findDeclaration(source: string, name: string): { start: number; end: number } | undefined {
  const pattern = new RegExp(String.raw`(^|[\n;])([ \t]*${name}[ \t]*=[ \t]*)(${NUMBER})(?=[ \t]*(?:$|[\n;#]))`, 'g');
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    const start = m.index + (m[1] as string).length + (m[2] as string).length;
    const lineStart = source.lastIndexOf('\n', m.index) + 1;
    if (!source.slice(lineStart, start).includes('#')) return { start, end: start + (m[3] as string).length };
  }
  return undefined;
}

function statementStart(source: string, offset: number): number {
  const start = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf(';', offset - 1)) + 1;
  return start + (/^[ \t]*/.exec(source.slice(start))?.[0].length ?? 0);
}
