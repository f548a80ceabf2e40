/** LaTeX's special characters in text mode. */
const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '$': '\\$', '&': '\\&', '#': '\\#', '%': '\\%', '_': '\\_',
  '^': '\\textasciicircum{}', '~': '\\textasciitilde{}', '<': '\\textless{}', '>': '\\textgreater{}', '|': '\\textbar{}',
};

/** The symbols the app writes in labels, as pdflatex understands them without extra packages. */
const SYMBOLS: Readonly<Record<string, string>> = {
  '−': '$-$', '∂': '$\\partial$', 'σ': '$\\sigma$', '√': '$\\surd$', 'ᵀ': '$^{\\top}$', '×': '$\\times$', '·': '$\\cdot$',
  '…': '\\ldots{}', '∞': '$\\infty$', '≥': '$\\geq$', '≤': '$\\leq$', '⊙': '$\\odot$', '∑': '$\\sum$', '‖': '$\\|$',
};

/**
 * Text for a TikZ node: LaTeX's special characters escaped, the app's symbols and subscript digits (`f₁`) in math
 * mode, a minus sign before a number typeset as one. Any other character pdflatex cannot read is written as `?`.
 */
export function latexText(text: string): string {
  let out = '';
  const chars = [...text];
  chars.forEach((ch, k) => {
    const code = ch.codePointAt(0) as number;
    const subscript = code >= 0x2080 && code <= 0x2089;
    // A run of subscript digits is one subscript: `f₁₂` is f$_{12}$.
    if (subscript && k > 0 && /[₀-₉]/.test(chars[k - 1] as string)) out = `${out.slice(0, -2)}${code - 0x2080}}$`;
    else if (subscript) out += `$_{${code - 0x2080}}$`;
    else if (ch === '-' && /[\d.∞]/.test(chars[k + 1] ?? '')) out += '$-$';
    else if (SPECIAL[ch] !== undefined) out += SPECIAL[ch];
    else if (SYMBOLS[ch] !== undefined) out += SYMBOLS[ch];
    else if (code < 0x20 || code > 0x7e) out += '?';
    else out += ch;
  });
  // Adjacent math pieces (`$-$$\infty$`) would read as display math: merge them.
  return out.replace(/(?<!\\)\$\$/g, '');
}
