import { line, text, type Expr, type Line } from './expr.ts';

/** A line cut at its breaks, for a layout with one row per line (LaTeX's `aligned`). */
export function lineRows(l: Line): Line[] {
  const rows: Line[] = [];
  let current: Expr[] = [];
  for (const part of l.parts) {
    if (part.kind !== 'text' || !part.text.includes('\n')) {
      current.push(part);
      continue;
    }
    const [first = '', ...more] = part.text.split('\n');
    if (first) current.push(text(first));
    for (const piece of more) {
      rows.push(line(...current));
      current = piece ? [text(piece)] : [];
    }
  }
  rows.push(line(...current));
  return rows;
}
