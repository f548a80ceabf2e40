import type { Circuit } from './circuit.ts';
import type { Engine } from './engine.ts';
import { parse } from './parser.ts';
import { findDeclaration, setInputInSource } from './source-edit.ts';

/** The shortest text that reads back as exactly this number, so a trained circuit compiles to the same values. */
function exactNumber(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/** A vector as one row; a matrix one row per line when the literal it replaces spanned lines, aligned under `[`. */
function literal(values: ArrayLike<number>, shape: readonly number[], multiline: boolean, column: number): string {
  const row = (r: number, cols: number) => `[${Array.from({ length: cols }, (_, c) => exactNumber(values[r * cols + c] as number)).join(', ')}]`;
  if (shape.length === 1) return row(0, shape[0] as number);
  const [rows, cols] = shape as [number, number];
  const lines = Array.from({ length: rows }, (_, r) => row(r, cols));
  return `[${lines.join(multiline ? `,\n${' '.repeat(column + 1)}` : ', ')}]`;
}

export type WriteResult = { ok: true; source: string } | { ok: false; message: string };

/**
 * The source with the current values of some inputs written in: a declared input's number or literal is replaced
 * in place (a `zeros(…)` or `randn(…)` call by the numbers it now holds); a scalar that was only used gets a
 * declaration. `engine` must run the circuit compiled from `source`. Non-finite values cannot be written.
 */
export function writeInputsInSource(source: string, engine: Engine, inputs: readonly number[]): WriteResult {
  const { circuit } = engine;
  for (const i of inputs) {
    const bad = Array.from(engine.value(i)).find((v) => !Number.isFinite(v));
    if (bad !== undefined) return { ok: false, message: `${nameOf(circuit, i)} holds ${bad}, which cannot be written into a formula` };
  }
  // Declarations for inputs that were only used go in first, from the last statement back, so earlier offsets hold.
  let text = source;
  const implicit = inputs.filter((i) => !findDeclaration(source, nameOf(circuit, i)) && circuit.nodes[i]?.shape.length === 0);
  const current = Float64Array.from(circuit.nodes, (_, i) => (circuit.nodes[i]?.kind === 'input' ? (engine.value(i)[0] as number) : 0));
  for (const i of [...implicit].sort((a, b) => (circuit.nodes[b]?.span.offset ?? 0) - (circuit.nodes[a]?.span.offset ?? 0))) {
    if (!findDeclaration(text, nameOf(circuit, i))) text = setInputInSource(text, circuit, current, i, current[i] as number);
  }
  const parsed = parse(text);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const wanted = new Map(inputs.map((i) => [nameOf(circuit, i), i]));
  const swaps: { start: number; end: number; text: string }[] = [];
  for (const s of parsed.program.statements) {
    const node = s.declaresInput && s.target ? wanted.get(s.target.name) : undefined;
    if (node === undefined) continue;
    const { shape } = circuit.nodes[node] as Circuit['nodes'][number];
    const original = text.slice(s.expr.start, s.expr.end);
    const column = s.expr.start - (text.lastIndexOf('\n', s.expr.start - 1) + 1);
    const values = engine.value(node);
    const written = shape.length === 0 ? exactNumber(values[0] as number) : literal(values, shape, original.includes('\n'), column);
    swaps.push({ start: s.expr.start, end: s.expr.end, text: written });
  }
  swaps.sort((a, b) => b.start - a.start);
  return { ok: true, source: swaps.reduce((t, s) => t.slice(0, s.start) + s.text + t.slice(s.end), text) };
}

function nameOf(circuit: Circuit, i: number): string {
  return circuit.nodes[i]?.names[0] as string;
}
