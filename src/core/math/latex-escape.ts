import { formatFull } from '../number-format.ts';

/** The characters LaTeX gives a meaning to, written so that they print as themselves inside `\text{}`. */
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '$': '\\$', '&': '\\&', '#': '\\#',
  '^': '\\textasciicircum{}', '_': '\\_', '%': '\\%', '~': '\\textasciitilde{}',
};

/** Symbols KaTeX has no text-mode glyph for, written in maths between runs of text instead. */
const MATH_SYMBOLS: Readonly<Record<string, string>> = {
  '∂': '\\partial ', '·': '\\cdot ', '×': '\\times ', '−': '-', '⊙': '\\odot ', 'Σ': '\\Sigma ', 'σ': '\\sigma ',
  '→': '\\to ', '≥': '\\geq ', '≤': '\\leq ', '∞': '\\infty ', '√': '\\surd ', '…': '\\ldots ', '‖': '\\Vert ',
};
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPTS: Readonly<Record<string, string>> = { '²': '2', '³': '3', 'ᵀ': '\\top' };

const escapeChar = (c: string) => TEXT_ESCAPES[c] ?? c;

/**
 * KaTeX refuses control characters, lone surrogates, private and unassigned code points and combining marks it cannot
 * place: those print as `�`. Letterlike and mathematical alphanumeric symbols (`ℋ`, `𝐱`) are read as their letters.
 */
const printable = (s: string) => s.normalize('NFC')
  .replace(/[\u2100-\u214F\u{1D400}-\u{1D7FF}]/gu, (c) => c.normalize('NFKC'))
  .replace(/[\p{Cc}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{M}]/gu, (c) => (c === '\n' || c === '\t' ? c : '\uFFFD'));
/** Letters, digits and spaces of any script print in text; other symbols only in maths. */
const inText = (c: string) => (c >= ' ' && c <= '~') || /[\p{L}\p{N}\p{Zs}\t\uFFFD]/u.test(c);

/**
 * Any string as LaTeX that prints it: plain runs go in `\text{}` with every special character escaped; symbols and
 * sub- and superscripts KaTeX cannot show in text are written as maths. A script always has a base (`{}` if need be),
 * so two in a row never make a double subscript.
 */
export function textLatex(raw: string): string {
  const chars = [...printable(raw)];
  let out = '';
  let run = '';
  let scriptable = false;
  const flush = () => {
    if (run) {
      out += `\\text{${run}}`;
      scriptable = true;
    }
    run = '';
  };
  const script = (mark: '_' | '^', body: string) => {
    flush();
    out += `${scriptable ? '' : '{}'}${mark}{${body}}`;
    scriptable = false;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\n') { flush(); out += '\\\\ '; scriptable = false; continue; }
    if (SUBSCRIPT_DIGITS.includes(c)) {
      let digits = '';
      for (; i < chars.length && SUBSCRIPT_DIGITS.includes(chars[i] as string); i++) digits += SUBSCRIPT_DIGITS.indexOf(chars[i] as string);
      i--;
      script('_', digits);
    } else if (SUPERSCRIPTS[c] !== undefined) script('^', SUPERSCRIPTS[c]);
    else if (MATH_SYMBOLS[c] !== undefined) { flush(); out += MATH_SYMBOLS[c]; scriptable = true; }
    else if (inText(c)) run += escapeChar(c);
    else { flush(); out += `{${c}}`; scriptable = true; }
  }
  flush();
  return out;
}

const IDENTIFIER = /^([A-Za-z_][A-Za-z0-9_]*)([₀-₉]*)(\[\d+(?:,\d+)?\])?$/;

/** A wire's name in maths: `x`, `\mathit{data\_loss}`, `f_{1}`, `\mathit{W1}_{[0,2]}`; any other text as `\text{}`. */
export function nameLatex(name: string): string {
  const m = IDENTIFIER.exec(name);
  if (!m) return textLatex(name);
  const [, base = '', sub = '', at = ''] = m;
  let out = /^[A-Za-z]$/.test(base) ? base : `\\mathit{${base.replace(/_/g, '\\_')}}`;
  if (sub) out += `_{${[...sub].map((d) => SUBSCRIPT_DIGITS.indexOf(d)).join('')}}`;
  if (at) out = `${sub ? `{${out}}` : out}_{${at}}`;
  return out;
}

/** A number as the text writes it (`formatFull` unless given), in maths: `1.5\mathrm{e}{-7}`, `\infty`, `\mathrm{NaN}`. */
export function numberLatex(v: number, format: (v: number) => string = formatFull): string {
  const s = format(v);
  if (s === 'NaN') return '\\mathrm{NaN}';
  if (s.endsWith('∞')) return s.replace('∞', '\\infty');
  const e = s.indexOf('e');
  return e < 0 ? s : `${s.slice(0, e)}\\mathrm{e}{${s.slice(e + 1)}}`;
}
