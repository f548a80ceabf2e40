import { compileSource } from '../compile.ts';
import type { SourceError } from '../position.ts';
import { RESERVED, type StagedLanguage } from './identifiers.ts';
import { javascriptProgram } from './js-program.ts';
import { stagePlan } from './plan.ts';
import { pythonProgram } from './python-program.ts';

export type { StagedLanguage } from './identifiers.ts';
export type StagedCodeResult = { ok: true; code: string } | { ok: false; error: SourceError };

const failure = (message: string): StagedCodeResult => ({ ok: false, error: { message, line: 1, column: 1, length: 1 } });

/**
 * The formula's circuit as a program to run, as the lecture stages a forward and backward pass: one line per gate
 * forward, then the chain rule gate by gate in reverse. A bad source gives the error `evaluate` gives. Never throws.
 */
export function stagedCode(source: string, language: StagedLanguage): StagedCodeResult {
  try {
    if (typeof source !== 'string') return failure('expected the formula as a string');
    if (language !== 'python' && language !== 'javascript') return failure(`expected the language 'python' or 'javascript' but found '${String(language)}'`);
    const compiled = compileSource(source);
    if (!compiled.ok) return { ok: false, error: compiled.error };
    const plan = stagePlan(compiled.circuit, RESERVED[language]);
    return { ok: true, code: language === 'python' ? pythonProgram(plan, source) : javascriptProgram(plan, source) };
  } catch (e) {
    // NOTE: only reachable through a bug or memory exhaustion; still an answer, never an exception.
    return failure(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
