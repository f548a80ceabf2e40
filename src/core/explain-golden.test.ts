import { describe, expect, it } from 'vitest';
import { explainStep } from './explain.ts';
import { EXPLANATION_CASES, caseModel } from './fixtures/explanation-cases.ts';
import golden from './fixtures/explanations-golden.json' with { type: 'json' };
import { visibleExplanation } from './fixtures/visible-explanation.ts';

// The fixture was written by the string-building explainer before explanations became data: the text must not move.
describe.each(EXPLANATION_CASES)('$id explains every step as before', (c) => {
  const { engine, schedule } = caseModel(c);
  const expected = (golden as Record<string, unknown[]>)[c.id] ?? [];
  it('has the same number of steps', () => expect(schedule.last + 1).toBe(expected.length));
  it.each(expected.map((e, k) => [k, e] as const))('step %i', (k, e) => {
    expect(visibleExplanation(explainStep(engine, schedule, k))).toEqual(e);
  });
});
