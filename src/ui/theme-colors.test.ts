import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The projector theme must read from the back of a hall and for the one in twelve men with red-green colour
// blindness: its colours are checked here against WCAG contrast and against simulated colour-vision deficiencies.

const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
function themeVars(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1]!, m[2]!]));
}
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
// Viénot, Brettel & Mollon (1999), on linear RGB.
const SIMULATE = {
  protanopia: [[0.11238, 0.88762, 0], [0.11238, 0.88762, 0], [0.00401, -0.00401, 1]],
  deuteranopia: [[0.29275, 0.70725, 0], [0.29275, 0.70725, 0], [-0.02234, 0.02234, 1]],
} as const;
function lab([r, g, b]: readonly number[]): [number, number, number] {
  const x = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.9505;
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.089;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const seen = (hex: string, matrix?: readonly (readonly number[])[]) => {
  const c = rgb(hex).map(linear);
  return lab(matrix ? matrix.map((row) => row.reduce((s, m, i) => s + m * c[i]!, 0)) : c);
};
const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

describe('the projector theme', () => {
  const v = themeVars(":root[data-theme='projector']");

  it('writes values, gradients, the current gate and text at 7:1 or more on its background (WCAG AAA)', () => {
    for (const name of ['value', 'grad', 'current', 'text', 'wire']) expect(contrast(v[name]!, v.bg!), name).toBeGreaterThanOrEqual(7);
  });

  it('keeps values, gradients and the current gate apart with normal, protan and deutan vision', () => {
    for (const [vision, matrix] of [['normal', undefined], ...Object.entries(SIMULATE)] as const) {
      const pairs = [['value', 'grad'], ['value', 'current'], ['grad', 'current']] as const;
      for (const [a, b] of pairs) expect(distance(seen(v[a]!, matrix), seen(v[b]!, matrix)), `${a} vs ${b}, ${vision}`).toBeGreaterThan(20);
    }
  });

  it('is an improvement on green and red, which deutan vision can hardly tell apart', () => {
    const light = themeVars(':root');
    const before = distance(seen(light.value!, SIMULATE.deuteranopia), seen(light.grad!, SIMULATE.deuteranopia));
    const after = distance(seen(v.value!, SIMULATE.deuteranopia), seen(v.grad!, SIMULATE.deuteranopia));
    expect(after).toBeGreaterThan(2 * before);
  });
});
