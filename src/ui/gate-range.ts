import type { CircuitNode, SourceError } from '../core/index.ts';

/** A range of characters in the editor's text, [start, end). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Offset of a 1-based line and column in the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

export function errorRange(text: string, error: SourceError): TextRange {
  const start = offsetOf(text, error.line, error.column);
  return { start, end: Math.min(text.length, start + error.length) };
}

/**
 * Where the gate's whole expression is written (`x + y`, `sigmoid(w0*x0 + w2)`), found from the span of its operator
 * or function name and the expression's text. The span's line and column are used rather than its offset, so that a
 * value rewritten on an earlier line (`x = -2` → `x = 3`) does not shift the mark. Of the places where the text
 * covers the operator, the earliest is the expression's: `a+a+a` is read left to right.
 */
export function gateRange(text: string, node: CircuitNode | undefined): TextRange | null {
  if (!node || node.kind !== 'gate' || node.text === '') return null;
  const anchor = offsetOf(text, node.span.line, node.span.column);
  const expr = node.text;
  let found = -1;
  for (let i = text.lastIndexOf(expr, anchor); i >= 0 && i + expr.length > anchor; i = i > 0 ? text.lastIndexOf(expr, i - 1) : -1) found = i;
  return found < 0 ? null : { start: found, end: found + expr.length };
}
