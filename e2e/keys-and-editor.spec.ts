import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES, FIRST_EXAMPLE } from '../src/core/index.ts';
import { AppPage } from './app-page.ts';

const SIGMOID = EXAMPLES.find((e) => e.id === 'lecture-2-sigmoid')!;
const shoot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/keys-${name}.png` });

/** The zoom factor of the drawing, from the viewport group's transform. */
async function zoom(app: AppPage): Promise<number> {
  const t = (await app.svg.locator('g.viewport').getAttribute('transform')) ?? '';
  return Number(/scale\(([-\d.e]+)\)/.exec(t)?.[1]);
}

test.describe('clicker keys step whatever has focus', () => {
  test('after choosing an example, → PageDown Space step it instead of loading the next example', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const examples = page.getByTestId('toolbar.example');
    // As with the mouse: the list opens on a click, and the choice leaves the focus on it.
    await examples.click();
    await page.keyboard.press('Escape');
    await examples.selectOption(SIGMOID.id);
    await app.expectText(SIGMOID.source);
    expect(await app.focused()).toBe('toolbar.example');
    await app.pressHere('ArrowRight');
    await app.pressHere('PageDown');
    await app.pressHere(' ');
    await expect(app.progress).toHaveAttribute('data-step', '3');
    await app.pressHere('PageUp');
    await app.pressHere('ArrowLeft');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await app.pressHere('End');
    await expect(app.progress).toHaveAttribute('data-step', String(await app.lastStep()));
    await app.pressHere('Home');
    await expect(app.progress).toHaveAttribute('data-step', '0');
    await expect(examples).toHaveValue(SIGMOID.id);
    await app.expectText(SIGMOID.source);
    expect(app.errors).toEqual([]);
  });

  test('after moving a slider the clicker steps and the slider keeps its value; ↑ still moves it', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const slider = page.getByTestId('inputs.slider.y');
    await slider.click();
    const moved = await slider.inputValue();
    await app.expectText(new RegExp(`y = ${moved};`));
    await app.pressHere('PageDown');
    await app.pressHere('ArrowRight');
    await expect(app.progress).toHaveAttribute('data-step', '2');
    await app.pressHere('ArrowLeft');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await expect(slider).toHaveValue(moved);
    await app.pressHere('ArrowUp');
    await expect(slider).not.toHaveValue(moved);
    expect(app.errors).toEqual([]);
  });

  test('after changing the speed, PageDown steps and the speed stays', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const speed = page.getByTestId('steps.speed');
    await speed.click();
    await page.keyboard.press('Escape');
    await speed.selectOption('1');
    await app.pressHere('PageDown', 2);
    await expect(app.progress).toHaveAttribute('data-step', '2');
    await app.pressHere('PageUp');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await expect(speed).toHaveValue('1');
    expect(app.errors).toEqual([]);
  });

  test('after clicking a checkbox or a zoom button, Space and PageDown step and do not press them again', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.type(SIGMOID.source);
    await app.press('Home');
    const expand = page.getByTestId('toolbar.expand');
    await expand.click();
    await expect(expand).toBeChecked();
    await app.pressHere(' ');
    await app.pressHere('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '2');
    await expect(expand).toBeChecked();
    await page.getByTestId('zoom.in').click();
    await page.waitForTimeout(400); // the zoom is animated
    const zoomed = await zoom(app);
    await app.pressHere(' ');
    await app.pressHere('ArrowRight');
    await expect(app.progress).toHaveAttribute('data-step', '4');
    await page.waitForTimeout(400);
    expect(await zoom(app)).toBeCloseTo(zoomed, 6);
    expect(app.errors).toEqual([]);
  });

  test('a button reached with Tab is still pressed by Space and Enter, as keyboard users expect', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('zoom.in').focus();
    await app.pressHere('Tab');
    expect(await app.focused()).toBe('zoom.out');
    const before = await zoom(app);
    await app.pressHere(' ');
    await expect.poll(() => zoom(app)).toBeLessThan(before * 0.9);
    await app.pressHere('Enter');
    await expect.poll(() => zoom(app)).toBeLessThan(before * 0.7);
    await expect(app.progress).toHaveAttribute('data-step', '0');
    // Clicker keys other than Space step from there too.
    await app.pressHere('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '1');
  });

  test('in the editor the keys type; Esc leaves it, says so, and then PageDown steps', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.editor.click();
    await page.keyboard.press('Control+End');
    await expect(page.getByTestId('editor.keys-hint')).toBeVisible();
    await page.keyboard.type(' * 2');
    await app.pressHere('ArrowLeft', 2);
    await page.keyboard.type('(');
    await app.pressHere('End');
    await page.keyboard.type(')');
    await app.pressHere('PageDown');
    await app.expectText(`${FIRST_EXAMPLE.source.replace(/f = q \* z$/, 'f = q * z *( 2)')}`);
    await expect(app.progress).toHaveAttribute('data-step', '0');
    await shoot(page, 'editor-focused');
    await app.pressHere('Escape');
    expect(await app.focused()).toBe('BODY');
    await expect(page.getByTestId('editor.keys-hint')).toHaveCount(0);
    await app.pressHere('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    expect(app.errors).toEqual([]);
  });

  test('in a number field the keys edit the number, a hint shows how to step, and Esc gives the keys back', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const x = page.getByTestId('inputs.value.x');
    await x.click();
    await expect(page.getByTestId('steps.keys-hint')).toBeVisible();
    await shoot(page, 'number-field-hint');
    await app.pressHere('ArrowRight');
    await app.pressHere('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '0');
    await app.pressHere('Escape');
    await expect(page.getByTestId('steps.keys-hint')).toHaveCount(0);
    await app.pressHere('ArrowRight');
    await expect(app.progress).toHaveAttribute('data-step', '1');
  });

  test('keys in the tensor inspector stay in it; after Esc closes it they step again', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.type('W = [[0.1, 0.5], [-0.3, 0.8]]; x = [0.2, 0.4]; q = W @ x; f = sum(q^2)');
    await app.press('i');
    await expect(page.getByRole('dialog')).toBeVisible();
    await app.pressHere('ArrowRight');
    await app.pressHere('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '0');
    await app.pressHere('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await app.pressHere('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '1');
  });
});

test.describe('the step bar', () => {
  test('play and step forward have different icons and names', async ({ page }) => {
    const app = new AppPage(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open();
    const play = page.getByRole('button', { name: 'Play', exact: true });
    const next = page.getByRole('button', { name: 'Step forward', exact: true });
    await expect(play).toHaveAttribute('data-testid', 'steps.play');
    await expect(next).toHaveAttribute('data-testid', 'steps.next');
    const shape = (b: typeof play) => b.locator('path').getAttribute('d');
    expect(await shape(play)).not.toBe(await shape(next));
    const names = await page.locator('.step-controls button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    expect(names).toEqual(['Go to start', 'Step back', 'Play', 'Step forward', 'Go to end']);
    await page.locator('.step-controls').screenshot({ path: 'test-results/screenshots/keys-step-bar.png' });
  });

  test('clicking and dragging the progress bar scrubs through the steps', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.type(SIGMOID.source);
    const last = await app.lastStep();
    await expect(app.scrubber).toHaveAttribute('role', 'slider');
    await expect(app.scrubber).toHaveAttribute('aria-valuemax', String(last));
    const box = (await app.scrubber.boundingBox())!;
    const at = (f: number) => [box.x + 1 + f * (box.width - 2), box.y + box.height / 2] as const;
    await page.mouse.click(...at(1));
    await expect(app.progress).toHaveAttribute('data-step', String(last));
    await page.mouse.click(...at(0.5));
    await expect(app.progress).toHaveAttribute('data-step', String(Math.round(last / 2)));
    await expect(app.scrubber).toHaveAttribute('aria-valuenow', String(Math.round(last / 2)));

    await page.mouse.move(...at(0));
    await page.mouse.down();
    await expect(app.progress).toHaveAttribute('data-step', '0');
    const seen = new Set<string>();
    for (let k = 1; k <= 20; k++) {
      // The pointer is captured: the drag goes on even when it leaves the bar vertically.
      await page.mouse.move(at(k / 20)[0], at(0)[1] + (k % 2 ? 30 : 0));
      seen.add((await app.progress.getAttribute('data-step')) ?? '');
    }
    await page.mouse.up();
    await expect(app.progress).toHaveAttribute('data-step', String(last));
    expect(seen.size).toBeGreaterThanOrEqual(last - 1);
    // Keys move it too: it is focused after the click, and the clicker keys step.
    expect(await app.focused()).toBe('steps.scrubber');
    await app.pressHere('ArrowLeft');
    await app.pressHere('ArrowDown');
    await expect(app.scrubber).toHaveAttribute('aria-valuenow', String(last - 2));
    expect(app.errors).toEqual([]);
  });

  test('fits on one row from 480 px wide', async ({ page }) => {
    for (const width of [480, 640, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const app = new AppPage(page);
      await app.open();
      await app.type(SIGMOID.source);
      await app.press('ArrowRight', 10);
      const tops = await page.locator('.step-controls > *:not(.keys-hint)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
      const [top, bottom] = tops[0]!;
      for (const [t, b] of tops) expect(t! < bottom! && b! > top!, `one row at ${width} px: ${JSON.stringify(tops)}`).toBe(true);
      const bar = (await page.locator('.step-controls').boundingBox())!;
      expect(bar.width).toBeLessThanOrEqual(width);
      await expect(app.scrubber).toBeVisible();
      await page.locator('.step-controls').screenshot({ path: `test-results/screenshots/keys-step-bar-${width}.png` });
    }
  });
});

/** A long program, as a course's notebook cell would be: mostly comments, a chain of gates, one very long line. */
function longProgram(lines: number): string {
  const out = ['x = 0.5', 't0 = x * 2'];
  for (let i = out.length; out.length < lines - 1; i++) {
    if (i % 50 === 0) out.push(`t${i / 50} = t${i / 50 - 1} * x + 1`);
    else if (i === 7) out.push(`# a long line: ${'the quick brown fox jumps over the lazy dog, '.repeat(8)}end`);
    else out.push(`# line ${i + 1}: what this part of the network does`);
  }
  out.push(`f = t${Math.floor((lines - 2) / 50)} + x`);
  return out.join('\n');
}

/** Where the last line number and the last text line in the page are drawn, and how the editor box scrolls. */
function measureEditor(page: Page) {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="editor.box"]') as HTMLElement;
    const scroller = box.querySelector('.cm-scroller') as HTMLElement;
    const gutters = box.querySelector('.cm-gutters') as HTMLElement;
    const content = box.querySelector('.cm-content') as HTMLElement;
    // The line numbers in the page (the first element only sets the gutter's width, unseen).
    const numbers = [...box.querySelectorAll<HTMLElement>('.cm-lineNumbers .cm-gutterElement')].filter((e) => e.style.visibility !== 'hidden');
    const number = numbers.at(-1) as HTMLElement;
    const line = [...content.querySelectorAll('.cm-line')].at(-1) as HTMLElement;
    const rect = (el: Element) => el.getBoundingClientRect();
    return {
      lastNumber: number.textContent,
      numberTop: rect(number).top, lineTop: rect(line).top, numberLeft: rect(number).left,
      box: rect(box).toJSON() as DOMRect, gutterBox: rect(gutters).toJSON() as DOMRect,
      areaScroll: [scroller.scrollTop, scroller.scrollLeft], boxScroll: [box.scrollTop, box.scrollLeft],
      areaHeight: gutters.offsetHeight, backdropHeight: content.offsetHeight,
      linesInPage: content.querySelectorAll('.cm-line').length,
      page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, innerWidth, innerHeight],
    };
  });
}

test.describe('the editor handles real programs', () => {
  test('a pasted 2,500-line program: the gutter scrolls and clips with the text, long lines scroll sideways', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 1280, height: 800 });
    const app = new AppPage(page);
    await app.open();
    const program = longProgram(2500);
    await page.evaluate((text) => navigator.clipboard.writeText(text), program);
    await app.editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await app.expectText(program);
    await expect(page.getByTestId('editor.error')).toHaveCount(0);

    const top = await measureEditor(page);
    expect(top.box.height, 'the editor grows to 60% of the viewport, then scrolls').toBeLessThanOrEqual(0.6 * 800 + 4);
    expect(top.box.height).toBeGreaterThan(0.5 * 800);
    // The caret is at the end of what was pasted, and the box has scrolled there, numbers and all.
    expect(top.boxScroll[0]).toBeGreaterThan(40_000);
    expect(Math.abs(top.numberTop - top.lineTop)).toBeLessThan(1);

    await page.getByTestId('editor.box').evaluate((box) => (box.scrollTop = box.scrollHeight));
    const bottom = await measureEditor(page);
    expect(bottom.lastNumber).toBe('2500');
    expect(Math.abs(bottom.numberTop - bottom.lineTop), 'the last number sits on the last line').toBeLessThan(1);
    expect(bottom.numberTop).toBeGreaterThan(bottom.box.top);
    expect(bottom.numberTop).toBeLessThan(bottom.box.bottom);
    expect(bottom.areaScroll, 'the editor never scrolls on its own: the box scrolls it with the gutter').toEqual([0, 0]);
    expect(bottom.areaHeight, 'the gutter is as tall as the text').toBe(bottom.backdropHeight);
    expect(bottom.linesInPage, 'only the lines in view (and a margin) are in the page').toBeLessThan(300);
    const [scrollWidth, scrollHeight, width, height] = bottom.page;
    expect(scrollWidth, 'nothing runs past the page').toBeLessThanOrEqual(width!);
    expect(scrollHeight).toBeLessThanOrEqual(height!);
    await shoot(page, 'editor-2500-bottom');

    // Typing at the end keeps the caret in view.
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' * 2');
    await app.expectText(`${program} * 2`);
    expect((await measureEditor(page)).boxScroll[0]).toBeGreaterThan(bottom.boxScroll[0]! - 30);

    // The long line scrolls sideways, and the line numbers stay at the left (once its line is in view, and so drawn).
    await page.getByTestId('editor.box').evaluate((box) => (box.scrollTop = 0));
    await expect(page.locator('.cm-line').filter({ hasText: 'a long line' })).toBeVisible();
    await page.getByTestId('editor.box').evaluate((box) => (box.scrollLeft = 400));
    const sideways = await measureEditor(page);
    expect(sideways.boxScroll[1]).toBeGreaterThan(300);
    expect(Math.abs(sideways.gutterBox.left - sideways.box.left)).toBeLessThan(2);
    await shoot(page, 'editor-2500-sideways');
    expect(app.errors).toEqual([]);
  });

  test('undo takes back a chosen example, a value edit and typing, one step each; redo brings them back', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const mine = 'a = 3; b = 4\nf = a * b';
    await app.type(mine);
    await page.getByTestId('toolbar.example').selectOption(SIGMOID.id);
    await app.expectText(SIGMOID.source);
    await page.keyboard.press('Control+z');
    await app.expectText(mine);
    await page.keyboard.press('Control+Shift+z');
    await app.expectText(SIGMOID.source);
    await page.keyboard.press('Control+z');
    await app.expectText(mine);

    // A value edit rewrites the formula's number: one undoable step.
    const a = page.getByTestId('inputs.value.a');
    await a.fill('7');
    await a.press('Enter');
    await app.expectText('a = 7; b = 4\nf = a * b');
    await app.press('Escape');
    await page.keyboard.press('Control+z');
    await app.expectText(mine);
    await page.keyboard.press('Control+y');
    await app.expectText('a = 7; b = 4\nf = a * b');

    // Typed text in the editor, then undone from the editor.
    await app.editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' + 1');
    await app.expectText('a = 7; b = 4\nf = a * b + 1');
    await page.keyboard.press('Control+z');
    await app.expectText('a = 7; b = 4\nf = a * b');
    await page.keyboard.press('Control+z');
    await app.expectText(mine);
    await page.keyboard.press('Control+z');
    await app.expectText(FIRST_EXAMPLE.source);
    expect(app.errors).toEqual([]);
  });

  test('the current gate’s text is highlighted in the formula as the steps go', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const mark = page.getByTestId('editor.gate-mark');
    await expect(mark).toHaveCount(0);
    await app.press('ArrowRight');
    await expect(mark).toHaveText('x + y');
    await app.press('ArrowRight');
    await expect(mark).toHaveText('q * z');
    await shoot(page, 'gate-highlight-forward');
    await app.press('End');
    await expect(mark).toHaveText('x + y');
    await app.type(SIGMOID.source);
    await app.press('Home');
    await app.press('ArrowRight', 2);
    await expect(mark).toHaveText('w1*x1');
    await app.press('ArrowRight', 3);
    await expect(mark).toHaveText('sigmoid(w0*x0 + w1*x1 + w2)');
    await shoot(page, 'gate-highlight-sigmoid');
    // With an error, only the error is marked.
    await app.type(`${SIGMOID.source} +`);
    await expect(page.getByTestId('editor.error-mark')).toBeVisible();
    await expect(mark).toHaveCount(0);
    expect(app.errors).toEqual([]);
  });
});
