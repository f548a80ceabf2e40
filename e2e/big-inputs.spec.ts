import { expect, test, type Page } from '@playwright/test';
import { statementChainSource } from '../src/bench/generate-sources.ts';
import { packText } from '../src/embed/packed-text.ts';
import { AppPage, editorText, expectEditorText, pasteFormula } from './app-page.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** 1,000,011 characters, 249,999 gates: inside the 2,000,000-character and 300,000-node limits. */
const TERMS = 125_000;
const BIG = `x = 0.5\nf = ${'tanh(x)+'.repeat(TERMS - 1)}tanh(x)`;
const BIG_OUTPUT = TERMS * Math.tanh(0.5);
const BIG_GRAD = TERMS * (1 - Math.tanh(0.5) ** 2);

const paste = pasteFormula;

/**
 * From now on, records how long after the next paste keystroke the building note appeared (it may be gone again before
 * a test could look: the build that follows holds the page).
 */
async function watchBuildingNote(page: Page): Promise<() => Promise<number | null>> {
  await page.evaluate(() => {
    const w = window as unknown as { pasteAt?: number; noteAfter?: number };
    window.addEventListener('keydown', (e) => { if (e.key === 'v' && w.pasteAt === undefined) w.pasteAt = performance.now(); }, true);
    new MutationObserver(() => {
      if (w.noteAfter === undefined && w.pasteAt !== undefined && document.querySelector('[data-testid="circuit.building"]')) w.noteAfter = performance.now() - w.pasteAt;
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { noteAfter?: number }).noteAfter ?? null);
}

const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())?.replace(/[^\d.eE+-]/g, ''));

test.describe('big inputs never freeze the page', () => {
  test('a pasted 250,000-gate formula: the text and a building note at once, then the output and the input gradient, no drawing', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new AppPage(page);
    await app.open();
    const noteAfter = await watchBuildingNote(page);
    const started = Date.now();
    await paste(page, BIG);
    await expect(page.getByTestId('circuit.overview')).toBeVisible({ timeout: 60_000 });
    console.log(`250,000 gates pasted → overview shown: ${Date.now() - started} ms; building note after ${(await noteAfter())?.toFixed(0)} ms`);
    expect(await noteAfter()).not.toBeNull();
    await expect(page.getByTestId('circuit.building')).toHaveCount(0);
    await expect(page.getByTestId('circuit.overview')).toContainText('249,999 gates');
    expect(await numberIn(page, 'overview.output')).toBeCloseTo(BIG_OUTPUT, 0);
    expect(Number(await page.getByTestId('overview.input.x').locator('td.grad').textContent())).toBeCloseTo(BIG_GRAD, 0);
    await expect(page.getByTestId('overview.kinds')).toContainText('tanh125,000');
    // Nothing was drawn: the svg, hidden, still holds the example shown before.
    expect(Number(await app.svg.getAttribute('data-nodes'))).toBeLessThan(100);
    await expect(page.locator('.circuit-surface')).toBeHidden();
    // The bare expression's label is short, the formula is in the editor whole.
    expect(await editorText(page.getByTestId('editor.input'))).toHaveLength(BIG.length);
    await page.screenshot({ path: 'test-results/big-inputs-overview.png' });
    // The table of wires finds any of them.
    await page.getByTestId('overview.table').click();
    await expect(page.getByTestId('display.table')).toHaveAttribute('aria-pressed', 'true');
    expect(app.errors).toEqual([]);
  });

  test('a newer edit wins: a big paste followed at once by a small formula never shows the big one', async ({ page }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.open();
    await paste(page, BIG);
    await paste(page, 'a = 3; b = 4\nf = a * b');
    await expect(app.svg).toHaveAttribute('data-nodes', '3', { timeout: 10_000 });
    await page.waitForTimeout(1500);
    await expect(page.getByTestId('circuit.overview')).toHaveCount(0);
    await expect(page.getByTestId('circuit.building')).toHaveCount(0);
    await expect(app.svg).toHaveAttribute('data-nodes', '3');
    await app.toEnd();
    await expect(app.value('f')).toHaveText('12.00');
  });

  test('a pasted 2,500-statement, 5,000-gate chain is drawn whole and the editor holds every line', async ({ page }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.open();
    const source = statementChainSource(5000);
    const started = Date.now();
    await paste(page, source);
    await expect(app.svg).toHaveAttribute('data-nodes', '5001', { timeout: 30_000 });
    console.log(`5,000 gates as 2,500 statements pasted → drawn: ${Date.now() - started} ms`);
    expect(await editorText(page.getByTestId('editor.input'))).toBe(source);
    await expect(page.getByTestId('circuit.overview')).toHaveCount(0);
  });

  test('a formula too long for a link: Share says so and offers the file; the address keeps the last link that fit', async ({ page }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.open();
    await paste(page, 'x = 2\nf = x * 3');
    await expect(page).toHaveURL(/f=x\+=\+2/);
    const before = page.url();
    // 20,000 random-looking statements pack to far more than 8,000 characters.
    const long = Array.from({ length: 3000 }, (_, i) => `w${i} = ${((i * 7919) % 1000) / 100}`).join('\n') + `\nf = ${Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' + ')}`;
    await paste(page, long);
    await expect(app.svg).toHaveAttribute('data-nodes', /\d{4}/, { timeout: 30_000 });
    await page.waitForTimeout(600);
    expect(page.url()).toBe(before);
    await page.getByTestId('share.toggle').click();
    await expect(page.getByTestId('share.too-long')).toContainText('too long for a link');
    await expect(page.getByTestId('share.too-long')).toContainText('at most 8,000');
    await expect(page.getByTestId('share.copy-link')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('share.download').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('formula.txt');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(await file.path(), 'utf8')).toBe(long);
  });

  test('a link whose formula does not compile shows that formula and its error, and no note about a circuit that is not there', async ({ page }) => {
    const app = new AppPage(page);
    const broken = 'x = 1\ny = 2\nf = x * (y + ';
    await page.goto(`/?fz=${packText(broken)}`);
    await expectEditorText(page.getByTestId('editor.input'), broken);
    await expect(page.getByTestId('editor.error-position')).toHaveText('Line 3, column 14:');
    await expect(page.getByTestId('editor.error')).not.toContainText('last one that worked');
    await expect(page.getByTestId('circuit.none')).toContainText('No circuit yet: the formula has an error at line 3, column 14');
    await expect(page.getByTestId('circuit.stale')).toHaveCount(0);
    await page.goto(`/?embed=1&editor=1&fz=${packText(broken)}`);
    await expect(page.getByTestId('embed.error')).toContainText('Line 3, column 14');
    expect(app.errors).toEqual([]);
  });
});
