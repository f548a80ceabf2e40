import { describe, expect, it } from 'vitest';
import { compileSource } from './compile.ts';
import { createEngine } from './create-engine.ts';
import { gradientCheck } from './gradcheck.ts';

function check(source: string) {
  const r = compileSource(source);
  if (!r.ok) throw new Error(r.error.message);
  const engine = createEngine(r.circuit);
  const before = Array.from(engine.values);
  const rows = gradientCheck(engine);
  // The check works on its own copy: the engine on screen is untouched.
  expect(Array.from(engine.values)).toEqual(before);
  return new Map(rows.map((row) => [r.circuit.nodes[row.input]?.names[0], row]));
}

describe('the gradient check at a kink', () => {
  it('says why relu(0) disagrees: the centred difference straddles the corner', () => {
    const x = check('x = 0; f = relu(x)').get('x');
    expect(x).toMatchObject({ analytic: 0, numerical: 0.5, relativeError: 1 });
    expect(x?.kink).toMatch(/the relu gate computing f is at its corner here/);
  });

  it('names a max tie and an abs at 0, and stays quiet away from kinks', () => {
    expect(check('a = 2; b = 2; f = max(a, b)').get('a')?.kink).toMatch(/max gate computing f ties here/);
    expect(check('x = 0; f = abs(x) * 3').get('x')?.kink).toMatch(/abs gate computing f₁ is at its corner/);
    const smooth = check('x = 0.5; f = relu(x) + abs(x)').get('x');
    expect(smooth?.kink).toBeUndefined();
    expect(smooth?.relativeError).toBeLessThan(1e-8);
  });

  it('finds the kink element of a tensor input', () => {
    const x = check('x = [1, 0, -2]; f = sum(max(0, x))').get('x');
    expect(x).toMatchObject({ element: 1, checked: 3, total: 3 });
    expect(x?.kink).toMatch(/max gate/);
  });
});
