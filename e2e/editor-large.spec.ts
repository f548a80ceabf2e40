import { expect, test, type Page } from '@playwright/test';
import { FIRST_EXAMPLE } from '../src/core/index.ts';
import { AppPage, pasteFormula } from './app-page.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 800 } });

/**
 * Issue 11's target is no main-thread task over 200 ms, measured by `npm run bench -- app` on a quiet machine (the
 * editor's paste: 74-117 ms). Here the bound is 400 ms: in CI's parallel run a 93 ms paste task was once seen as 260 ms,
 * while the textarea this editor replaced took 1.1 s for the same 25,000 lines.
 */
const LONGEST_TASK_MS = 400;
/** DEFERRED_BUILD_PAUSE_MS in src/state/store.ts (which this file cannot import: it loads a worker through Vite). */
const DEFERRED_BUILD_PAUSE_MS = 200;

/**
 * Sources whose first line is an error, so the compile stops there at once: what is left to measure is the editor
 * (and the store's bookkeeping around a source), not the compiler, which works elsewhere.
 */
const manyLines = (lines: number) => ['x = 1 $ 2', ...Array.from({ length: lines - 1 }, (_, i) => `t${i} = x * ${i + 1}   # line ${i + 2}`)].join('\n');
const oneLongLine = (chars: number) => `x = 1 $ 2\nf = ${'x + '.repeat(Math.ceil(chars / 4))}x`;

/**
 * Watches long tasks (over 50 ms) with their start, and each key pressed. The reader splits the tasks since its last
 * read into the editor's, those that started within DEFERRED_BUILD_PAUSE_MS of a key (the key's own task and the
 * frames that show its change), and the later ones: the store's deferred compile and the link it writes, which start
 * only after that pause and are not the editor's.
 */
async function watchEditorTasks(page: Page): Promise<() => Promise<{ editor: number[]; later: number[] }>> {
  await page.evaluate(() => {
    const w = window as unknown as { tasks: { start: number; ms: number }[]; keys: number[] };
    w.tasks = [];
    w.keys = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.tasks.push({ start: e.startTime, ms: Math.round(e.duration) }))).observe({ type: 'longtask' });
    window.addEventListener('keydown', () => w.keys.push(performance.now()), true);
  });
  return async () => {
    await page.waitForTimeout(1000);
    const { tasks, keys } = await page.evaluate(() => new Promise<{ tasks: { start: number; ms: number }[]; keys: number[] }>((resolve) => {
      const w = window as unknown as { tasks: { start: number; ms: number }[]; keys: number[] };
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ tasks: w.tasks.splice(0), keys: w.keys.splice(0) })));
    }));
    const byKey = (t: { start: number }) => keys.some((k) => t.start >= k - 5 && t.start < k + DEFERRED_BUILD_PAUSE_MS);
    return { editor: tasks.filter(byKey).map((t) => t.ms), later: tasks.filter((t) => !byKey(t)).map((t) => t.ms) };
  };
}

/** Pastes text over the whole formula with Ctrl+V, as a person does, and returns how long until the editor held it. */
async function paste(app: AppPage, text: string): Promise<number> {
  const { page } = app;
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await app.editor.click();
  await page.keyboard.press('Control+a');
  const started = Date.now();
  await page.keyboard.press('Control+v');
  await expect.poll(async () => (await app.text()).length, { timeout: 20_000 }).toBe(text.length);
  return Date.now() - started;
}

const linesInPage = (page: Page) => page.locator('.cm-content .cm-line').count();

test.describe('the editor with big formulas', () => {
  test('a pasted 25,000-line formula: one store update, line numbers to the end, typing at the end, no long task', { tag: '@timing' }, async ({ page }) => {
    test.setTimeout(90_000);
    const app = new AppPage(page);
    await app.open();
    const source = manyLines(25_000);
    const longTasks = await watchEditorTasks(page);
    const ms = await paste(app, source);
    expect(await app.text()).toBe(source);
    await expect(page.getByTestId('editor.error-position')).toHaveText('Line 1, column 7:');
    await expect(page.getByRole('textbox', { name: 'Formula' })).toHaveAttribute('aria-invalid', 'true');
    await expect(app.editor).toHaveAttribute('aria-describedby', 'formula-error');
    const afterPaste = await longTasks();
    console.log(`25,000 lines (${source.length.toLocaleString('en')} characters) pasted → in the editor: ${ms} ms; the editor's long tasks: [${afterPaste.editor.join(', ')}] ms, later ones: [${afterPaste.later.join(', ')}] ms`);
    expect(await linesInPage(page), 'only the lines in view (and a margin) are in the page').toBeLessThan(300);

    // The caret is at the end of the paste: the last line and its number are in view; Ctrl+Home and Ctrl+End travel.
    const last = page.locator('.cm-line').filter({ hasText: '# line 25000' });
    await expect(last).toBeInViewport();
    await expect(app.lineNumbers.filter({ hasText: /^25000$/ })).toBeInViewport();
    await page.keyboard.press('Control+Home');
    await expect(app.lineNumbers.filter({ hasText: /^1$/ })).toBeInViewport();
    await expect(app.errorLineNumber).toHaveText('1');
    await expect(last).toHaveCount(0);
    await page.keyboard.press('Control+End');
    await expect(last).toBeInViewport();
    await page.keyboard.type('0');
    await app.expectText(`${source}0`);
    await expect(last).toHaveText(/# line 250000$/);
    const afterTyping = await longTasks();
    console.log(`Ctrl+Home, Ctrl+End and typing at the end: the editor's long tasks [${afterTyping.editor.join(', ')}] ms, later ones: [${afterTyping.later.join(', ')}] ms`);
    for (const t of [...afterPaste.editor, ...afterTyping.editor]) expect(t).toBeLessThan(LONGEST_TASK_MS);

    // The paste was one change of the store's source: one undo takes back the typing, the next the whole paste.
    await page.keyboard.press('Control+z');
    await app.expectText(source);
    await page.keyboard.press('Control+z');
    await app.expectText(FIRST_EXAMPLE.source);
    await page.screenshot({ path: 'test-results/editor-large/undone.png' });
    expect(app.errors).toEqual([]);
  });

  test('a pasted 1,000,000-character line: in the editor with no long task, and the end of it reachable', { tag: '@timing' }, async ({ page }) => {
    test.setTimeout(90_000);
    const app = new AppPage(page);
    await app.open();
    const source = oneLongLine(1_000_000);
    const longTasks = await watchEditorTasks(page);
    const ms = await paste(app, source);
    await expect(page.getByTestId('editor.error-position')).toHaveText('Line 1, column 7:');
    const tasks = await longTasks();
    console.log(`one line of ${source.length.toLocaleString('en')} characters pasted → in the editor: ${ms} ms; the editor's long tasks: [${tasks.editor.join(', ')}] ms, later ones: [${tasks.later.join(', ')}] ms`);
    for (const t of tasks.editor) expect(t).toBeLessThan(LONGEST_TASK_MS);
    // The page holds a window of the line around the caret, not the whole line.
    const drawn = await page.locator('.cm-content').evaluate((el) => el.textContent?.length ?? 0);
    expect(drawn).toBeLessThan(100_000);
    await page.keyboard.type(' * 2');
    await app.expectText(`${source} * 2`);
    expect(app.errors).toEqual([]);
  });

  test('an undo in the editor puts the caret where the text changed, far from the view, and scrolls it into view', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const source = manyLines(2_500);
    await paste(app, source);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    await app.expectText(source.replace('x = 1 $ 2', 'x = 1 $ 20'));
    await page.keyboard.press('Control+End');
    await expect(app.lineNumbers.filter({ hasText: /^1$/ })).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await app.expectText(source);
    await expect(app.lineNumbers.filter({ hasText: /^1$/ })).toBeInViewport();
    // The caret is where the undone text was: what is typed next goes there.
    await page.keyboard.type('7');
    await app.expectText(source.replace('x = 1 $ 2', 'x = 1 $ 27'));
    expect(app.errors).toEqual([]);
  });
});

test('stepping after a paste brings the gate’s text into view sideways too (the paste leaves the box at the end of its long last line)', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const terms = Array.from({ length: 200 }, (_, i) => `v${i}`);
  const source = ['x = 0.5', ...terms.map((v, i) => `${v} = x * ${i + 1}`), `f = ${terms.join(' + ')}`].join('\n');
  await pasteFormula(page, source);
  await expect(app.svg).toHaveAttribute('data-nodes', /^\d{3}$/, { timeout: 30_000 });
  const box = page.getByTestId('editor.box');
  expect(await box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(200);
  await app.press('ArrowRight', 3);
  const mark = page.getByTestId('editor.gate-mark');
  await expect(mark).toHaveText('x * 3');
  await expect.poll(async () => {
    const [m, b] = [await mark.boundingBox(), await box.boundingBox()];
    return !!m && !!b && m.x >= b.x && m.x + m.width <= b.x + b.width && m.y >= b.y && m.y + m.height <= b.y + b.height;
  }).toBe(true);
  await box.screenshot({ path: 'test-results/editor-large/stepped-after-paste.png' });
  expect(app.errors).toEqual([]);
});
