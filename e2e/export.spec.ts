import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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

// A lecturer takes the circuit to the slides: the picture at the current step, as on screen, fonts and all.

/** The width and height a PNG file declares in its IHDR chunk (bytes 16–23, big-endian). */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test('lecture-1 at the end of the backward pass: the SVG and PNG exports look as on screen, fonts embedded, at 1× and 2×', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent(EXAMPLES.find((e) => e.id === 'lecture-1')!.source)}`);
  await app.toEnd();
  await page.getByTestId('export.open').click();
  await page.getByTestId('export.svg').click();
  await expect(page.getByTestId('export.preview')).toBeVisible();
  let download = page.waitForEvent('download');
  await page.getByTestId('export.download').click();
  expect((await download).suggestedFilename()).toBe('circuit.svg');
  const file = join(dir, 'lecture-1.svg');
  await (await download).saveAs(file);
  const svg = readFileSync(file, 'utf8');
  expect(svg).toContain('>-12.00<');
  expect(svg).toContain('>∂ -4.00<');
  expect(svg).toMatch(/@font-face \{[^}]*url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/);
  expect(svg).not.toMatch(/href="http/);
  expect(svg).not.toMatch(/url\(\s*['"]?http/);
  const [, width = 0, height = 0] = (/<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? []).map(Number);
  expect(width).toBeGreaterThan(100);
  expect(height).toBeGreaterThan(50);

  // Opened on its own, without the app's page or styles, the file is well-formed and draws at its size.
  const viewer = await context.newPage();
  await viewer.setContent(`<body style="margin:0;background:#888"><img id="picture" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
  const opened = await viewer.evaluate(async (text) => {
    const image = document.getElementById('picture') as HTMLImageElement;
    await image.decode();
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { width: image.naturalWidth, height: image.naturalHeight, error: parsed.querySelector('parsererror')?.textContent ?? '', texts: [...parsed.querySelectorAll('text')].map((t) => t.textContent) };
  }, svg);
  expect(opened).toMatchObject({ width, height, error: '' });
  expect(opened.texts).toEqual(expect.arrayContaining(['-12.00', '∂ -4.00']));
  // Each number keeps its look on screen (the export reads one computed style per kind of element, not per element).
  const looks = (root: Element | string) => {
    const doc = typeof root === 'string' ? new DOMParser().parseFromString(root, 'image/svg+xml') : root;
    return [...doc.querySelectorAll('text.value[data-id], text.grad[data-id]')].map((t) => {
      const style = typeof root === 'string' ? (t as SVGElement).style : getComputedStyle(t);
      return `${t.getAttribute('class')} ${t.getAttribute('data-id')} ${style.getPropertyValue('fill')} ${style.getPropertyValue('font-size')} ${style.getPropertyValue('font-weight')}`;
    });
  };
  const onScreen = await app.svg.evaluate(looks);
  const exported = await viewer.evaluate(looks, svg);
  expect(onScreen).toHaveLength(10);
  expect(exported).toEqual(onScreen);
  await viewer.locator('#picture').screenshot({ path: 'test-results/screenshots/export-svg.png' });
  await viewer.close();

  await page.getByTestId('export.png').click();
  for (const scale of [1, 2] as const) {
    await page.getByTestId('export.scale').selectOption(String(scale));
    await expect(page.getByTestId('export.size')).toHaveText(`${width * scale} × ${height * scale} px`);
    download = page.waitForEvent('download');
    await page.getByTestId('export.download').click();
    expect((await download).suggestedFilename()).toBe('circuit.png');
    const png = join(dir, `lecture-1@${scale}x.png`);
    await (await download).saveAs(png);
    expect(pngSize(readFileSync(png)), `${scale}×`).toEqual({ width: width * scale, height: height * scale });
  }
  expect(app.errors).toEqual([]);
});
