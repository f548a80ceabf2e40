import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, evaluate } from '../src/core/index.ts';
import { AppPage } from './app-page.ts';

// A student takes the circuit away: the staged program downloaded from the app runs and prints the app's numbers.

const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [Number(v)]);
const close = (a: unknown, b: unknown) => {
  const [x, y] = [flat(a), flat(b)];
  return x.length === y.length && x.every((v, i) => Math.abs(v - y[i]!) <= 1e-12 * Math.max(1, Math.abs(y[i]!)));
};

const dir = mkdtempSync(join(tmpdir(), 'export-'));
const run = (language: 'python' | 'javascript', file: string) =>
  execFileSync(language === 'python' ? 'python3' : process.execPath, [file], { encoding: 'utf8', timeout: 20_000 }).trim().split('\n').pop()!;

for (const example of [EXAMPLES.find((e) => e.id === 'lecture-2')!, EXAMPLES.find((e) => e.id === 'vector-norm')!]) {
  test(`${example.id}: the exported Python and JavaScript run and print the app's output and gradients`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?f=${encodeURIComponent(example.source)}`);
    await page.getByTestId('export.open').click();
    const expected = evaluate(example.source);
    if (!expected.ok) throw new Error(expected.error.message);
    for (const language of ['python', 'javascript'] as const) {
      await page.getByTestId(`export.${language}`).click();
      const download = page.waitForEvent('download');
      await page.getByTestId('export.download').click();
      const file = join(dir, `${example.id}-${(await download).suggestedFilename()}`);
      await (await download).saveAs(file);
      const printed = JSON.parse(run(language, file)) as { output: number; grads: Record<string, unknown> };
      expect(printed.output).toBeCloseTo(expected.output.value as number, 12);
      for (const input of expected.inputs) expect(close(printed.grads[input.name], input.grad), `${language} ∂/∂${input.name}: ${JSON.stringify(printed.grads[input.name])}`).toBe(true);
    }
    await page.getByTestId('export.tikz').click();
    const tikz = await page.getByTestId('export.text').inputValue();
    expect(tikz).toMatch(/^\\begin\{tikzpicture\}/m);
    expect(tikz).toContain('\\end{tikzpicture}');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export.text')).toHaveCount(0);
    expect(app.errors).toEqual([]);
  });
}
