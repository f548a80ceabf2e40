/** Two decimals as on the slides; NaN and infinities spelled out. */
export function formatValue(v: number, digits = 2): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '-∞';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 0.5 * 10 ** -digits)) return v.toExponential(digits - 1 > 0 ? digits - 1 : 1).replace('e+', 'e');
  const s = v.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

/** The full value, for hovering and for explanations: up to 6 significant digits, no trailing zeros. */
export function formatFull(v: number): string {
  if (!Number.isFinite(v)) return formatValue(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e9)) return v.toExponential(5).replace(/\.?0+e/, 'e').replace('e+', 'e');
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(6)).toString();
}

/** A constant written in a gate's label, such as `+1` or `*-1`. */
export function formatConstant(c: number): string {
  return formatFull(c);
}

/** Wraps anything but a plain name or a non-negative number in parentheses, for writing it inside a formula. */
export function parenthesize(s: string): string {
  return /^[\w.₀-₉]+$/.test(s) || /^[\w₀-₉]+\[\d+(,\d+)?\]$/.test(s) || (/^\(.*\)\[\d+(,\d+)?\]$/.test(s) && balanced(s)) || /^\(.*\)$/.test(s) && balanced(s.slice(1, -1)) ? s : `(${s})`;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
