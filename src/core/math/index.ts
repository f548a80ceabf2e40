export * from './expr.ts';
export { toText, parens } from './to-text.ts';
export { toLatex } from './to-latex.ts';
export { nameLatex, textLatex, numberLatex } from './latex-escape.ts';
export { lineRows } from './rows.ts';
