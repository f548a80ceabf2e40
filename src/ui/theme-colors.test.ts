import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every theme must read for the one in twelve men with red-green colour blindness (and the rarer tritan), and from
// the back of a hall: its colours are checked here against WCAG contrast and simulated colour-vision deficiencies.

const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
function themeVars(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1]!, m[2]!]));
}
/** A theme states only what differs from the light one. */
const THEMES = {
  light: themeVars(':root'),
  dark: { ...themeVars(':root'), ...themeVars(":root[data-theme='dark']") },
  projector: { ...themeVars(':root'), ...themeVars(":root[data-theme='projector']") },
};
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
// Protan and deutan: Viénot, Brettel & Mollon (1999); tritan: Machado, Oliveira & Fernandes (2009), severity 1; on linear RGB.
const SIMULATE = {
  protanopia: [[0.11238, 0.88762, 0], [0.11238, 0.88762, 0], [0.00401, -0.00401, 1]],
  deuteranopia: [[0.29275, 0.70725, 0], [0.29275, 0.70725, 0], [-0.02234, 0.02234, 1]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
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
  return lab(matrix ? matrix.map((row) => Math.min(1, Math.max(0, row.reduce((s, m, i) => s + m * c[i]!, 0)))) : c);
};
const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

// Lab distances: about 2 is a just-noticeable difference; 20 is two colours no one would take for the same.
const APART = 20;
const RED_GREEN = { protanopia: SIMULATE.protanopia, deuteranopia: SIMULATE.deuteranopia };

for (const [theme, v] of Object.entries(THEMES)) {
  describe(`the ${theme} theme`, () => {
    it('writes values, gradients, the current gate and text at 4.5:1 or more on its background and panels (WCAG AA text)', () => {
      for (const name of ['value', 'grad', 'current', 'text', 'muted', 'accent', 'error']) {
        for (const ground of ['bg', 'panel', 'current-fill']) expect(contrast(v[name]!, v[ground]!), `${name} on ${ground}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it('draws wires, gate outlines and the current gate at 3:1 or more on its background (WCAG AA graphics)', () => {
      for (const name of ['wire', 'gate-stroke', 'current', 'value', 'grad']) expect(contrast(v[name]!, v.bg!), name).toBeGreaterThanOrEqual(3);
      expect(contrast(v['gate-stroke']!, v['gate-fill']!), 'a gate outline on its fill').toBeGreaterThanOrEqual(3);
    });

    it('keeps values and gradients apart with normal, protan, deutan and tritan vision', () => {
      for (const [vision, matrix] of [['normal', undefined], ...Object.entries(SIMULATE)] as const) {
        expect(distance(seen(v.value!, matrix), seen(v.grad!, matrix)), vision).toBeGreaterThan(APART);
      }
    });

    // With tritan vision teal and blue come close: the current gate is told apart by its heavy outline and filled shape.
    it('keeps the current gate apart from values and gradients with normal, protan and deutan vision', () => {
      for (const [vision, matrix] of [['normal', undefined], ...Object.entries(RED_GREEN)] as const) {
        for (const kind of ['value', 'grad']) expect(distance(seen(v[kind]!, matrix), seen(v.current!, matrix)), `${kind} vs current, ${vision}`).toBeGreaterThan(APART);
      }
    });

    it('is an improvement on the green and red it used to draw, which deutan and protan vision can hardly tell apart', () => {
      for (const matrix of Object.values(RED_GREEN)) {
        const before = distance(seen('#116329', matrix), seen('#b3261e', matrix));
        expect(distance(seen(v.value!, matrix), seen(v.grad!, matrix))).toBeGreaterThan(2 * before);
      }
    });
  });
}

describe('the projector theme', () => {
  const v = THEMES.projector;

  it('writes values, gradients, the current gate and text at 7:1 or more on its background (WCAG AAA), for a washed-out projector', () => {
    for (const name of ['value', 'grad', 'current', 'text', 'wire']) expect(contrast(v[name]!, v.bg!), name).toBeGreaterThanOrEqual(7);
  });
});
