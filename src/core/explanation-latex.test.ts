import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { explainStep } from './explain.ts';
import { explanationLatex, explanationText } from './explanation.ts';
import { EXPLANATION_CASES, caseModel } from './fixtures/explanation-cases.ts';
import golden from './fixtures/explanations-golden.json' with { type: 'json' };

const LECTURE = ['lecture-1', 'lecture-2', 'lecture-3', 'vector-norm', 'svm-loss', 'two-layer-net'];
type Shown = { title: string; lines: string[]; pattern?: string };

describe.each(EXPLANATION_CASES.filter((c) => LECTURE.includes(c.id)))('$id, every step', (c) => {
  const { engine, schedule } = caseModel(c);
  const steps = Array.from({ length: schedule.last + 1 }, (_, k) => explainStep(engine, schedule, k));
  const before = (golden as Record<string, Shown[]>)[c.id] ?? [];

  it('compiles as LaTeX in KaTeX, strictly, without errors', () => {
    for (const e of steps) expect(() => katex.renderToString(explanationLatex(e), { throwOnError: true, strict: 'error' })).not.toThrow();
  });

  it('reads as text exactly as the string-building explainer wrote it', () => {
    expect(steps.map(explanationText)).toEqual(before.map((s) => [s.title, ...s.lines, ...(s.pattern ? [s.pattern] : [])]));
  });
});

describe('a step as LaTeX', () => {
  it('writes lecture 1’s add gate as fractions in an aligned block, one row per line', () => {
    const lecture1 = EXPLANATION_CASES[0];
    if (!lecture1) throw new Error('no lecture 1');
    const { engine, schedule } = caseModel(lecture1);
    expect(explanationLatex(explainStep(engine, schedule, 5))).toBe([
      '\\begin{aligned}',
      '&\\text{Backward: the + gate} \\\\',
      '&\\text{Upstream: }\\frac{\\partial f}{\\partial q} = -4 \\\\',
      '&\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial q} \\cdot \\frac{\\partial q}{\\partial x} = -4 \\cdot 1 = -4\\text{   (local: }\\frac{\\partial q}{\\partial x} = 1\\text{)} \\\\',
      '&\\frac{\\partial f}{\\partial y} = \\frac{\\partial f}{\\partial q} \\cdot \\frac{\\partial q}{\\partial y} = -4 \\cdot 1 = -4\\text{   (local: }\\frac{\\partial q}{\\partial y} = 1\\text{)} \\\\',
      '&\\text{The add gate distributes: each input receives the upstream gradient unchanged.}',
      '\\end{aligned}',
    ].join('\n'));
  });

  it('puts where a fanned-out wire adds up on its own row', () => {
    const everyGate = EXPLANATION_CASES.find((c) => c.id === 'every-gate');
    if (!everyGate) throw new Error('no every-gate case');
    const { engine, schedule } = caseModel(everyGate);
    const latex = explanationLatex(explainStep(engine, schedule, schedule.last));
    expect(latex).toMatch(/ \\\\\n&b\\text\{ feeds \d+ branches, so gradients add: \}/);
  });
});
