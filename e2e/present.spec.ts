import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { LECTURE_DECK } from '../src/core/deck/index.ts';
import { AppPage } from './app-page.ts';

// An instructor in a lecture hall: the lecture as a deck, stepped with a clicker in the presentation view at
// 1920×1080, every number readable from the back row; a presenter's window beside it, in step.

const SHOTS = process.env.SCREENSHOTS ?? 'test-results/screenshots';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
test.use({ viewport: { width: 1920, height: 1080 } });

const where = (page: Page) => page.getByTestId('present.where');
const at = async (page: Page) => ({ slide: Number(await where(page).getAttribute('data-slide')), step: Number(await where(page).getAttribute('data-step')) });

/** The on-screen heights of the numbers drawn on wires and of the gate symbols, as a reader sees them. */
async function labelSizes(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="circuit.svg"]')!;
    const box = svg.getBoundingClientRect();
    const onScreen = (r: DOMRect) => r.width > 0 && r.height > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
    const shown = (el: Element) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden' && (el.textContent ?? '') !== '';
    const heights = (selector: string) => [...svg.querySelectorAll(selector)].filter(shown).map((el) => el.getBoundingClientRect()).filter(onScreen).map((r) => r.height);
    return {
      wire: heights('.labels text.value, .labels text.grad, .labels .tensor-label text.cell'),
      gates: heights('g.node.gate text.gate-label'),
      following: svg.getAttribute('data-follow') === '1',
    };
  });
}

test('the whole lecture deck, walked with the clicker in the presentation view, is readable from the back row', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open('?deck=lecture');
  await expect(page.getByTestId('deck.where')).toHaveText(/slide 1 of 13/);
  await page.keyboard.press('f');
  await expect(page.getByTestId('present')).toBeVisible();
  await expect(page.getByTestId('editor.input')).toHaveCount(0);
  for (let n = 1; n <= LECTURE_DECK.slides.length; n++) {
    const slide = LECTURE_DECK.slides[n - 1]!;
    await expect(page.getByTestId('present.title')).toHaveText(slide.title);
    await expect(where(page)).toContainText(`slide ${n} of 13`);
    // Into the forward pass, where numbers are on the wires.
    for (let k = 0; k < 3; k++) await page.keyboard.press('PageDown');
    await expect.poll(async () => (await at(page)).step).toBeGreaterThan(0);
    const sizes = await labelSizes(page);
    expect(sizes.wire.length, `slide ${n}: numbers shown`).toBeGreaterThan(0);
    expect(Math.min(...sizes.wire), `slide ${n}: wire numbers at least 32 px`).toBeGreaterThanOrEqual(32);
    expect(Math.min(...sizes.gates), `slide ${n}: gate labels larger than the wire numbers`).toBeGreaterThan(Math.min(...sizes.wire));
    await page.screenshot({ path: `${SHOTS}/present-slide-${String(n).padStart(2, '0')}.png` });
    // The clicker's next at a slide's last step goes on to the next slide.
    await page.keyboard.press('End');
    if (n < LECTURE_DECK.slides.length) {
      await page.keyboard.press('PageDown');
      await expect.poll(async () => (await at(page)).slide).toBe(n + 1);
      expect((await at(page)).step).toBe(0);
    }
  }
  // PageUp at a slide's first step goes back to the previous slide's last step; P and N jump whole slides.
  await page.keyboard.press('Home');
  await page.keyboard.press('PageUp');
  await expect.poll(async () => (await at(page)).slide).toBe(12);
  expect((await at(page)).step).toBeGreaterThan(0);
  await page.keyboard.press('p');
  await expect.poll(async () => (await at(page)).slide).toBe(11);
  await page.keyboard.press('n');
  await expect.poll(async () => (await at(page)).slide).toBe(12);
  // b blanks the screen and b brings it back; Esc leaves the presentation view at the same slide.
  await page.keyboard.press('b');
  await expect(page.getByTestId('present.blank')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/present-blank.png` });
  await page.keyboard.press('b');
  await expect(page.getByTestId('present.blank')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present')).toHaveCount(0);
  await expect(page.getByTestId('deck.where')).toHaveText(/slide 12 of 13/);
  expect(app.errors).toEqual([]);
});

test('a link opens a deck at a slide and step in the presentation view', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?deck=lecture&slide=3&step=5&present=1');
  await expect(page.getByTestId('present.title')).toHaveText('A sigmoid neuron, gate by gate');
  expect(await at(page)).toEqual({ slide: 3, step: 5 });
  await expect(page.getByTestId('present.notice')).toContainText('local gradient × upstream gradient');
  // The address keeps up, so the link that is copied later opens where the presenter is.
  await page.keyboard.press('n');
  await expect.poll(() => new URL(page.url()).searchParams.get('slide')).toBe('4');
  expect(new URL(page.url()).searchParams.get('deck')).toBe('lecture');
  expect(new URL(page.url()).searchParams.get('present')).toBe('1');
  expect(app.errors).toEqual([]);
});

test('the presenter’s window drives the audience’s, and the audience’s drives it back', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.open('?deck=lecture&slide=2');
  await page.getByTestId('present.enter').click();
  const popup = context.waitForEvent('page');
  await page.getByTestId('present.presenter').click();
  const presenter = await popup;
  await presenter.setViewportSize({ width: 1280, height: 800 });
  await expect(presenter.getByTestId('presenter')).toBeVisible();
  await expect(presenter.getByTestId('presenter.notes')).toContainText('Ask before each backward step');
  await expect(presenter.getByTestId('presenter.next')).toContainText('Step 1');
  await expect(presenter.getByTestId('presenter.timer')).toContainText('00:00:0');
  // The presenter's clicker moves the audience's screen.
  await presenter.keyboard.press('PageDown');
  await presenter.keyboard.press('PageDown');
  await expect.poll(async () => (await at(page)).step).toBe(2);
  await presenter.getByTestId('presenter.slide.5').click();
  await expect.poll(async () => (await at(page)).slide).toBe(5);
  await expect(page.getByTestId('present.title')).toHaveText('Patterns in backward flow');
  await presenter.keyboard.press('b');
  await expect(page.getByTestId('present.blank')).toBeVisible();
  await presenter.keyboard.press('b');
  await expect(page.getByTestId('present.blank')).toHaveCount(0);
  // And the audience's window, driven, moves the presenter's.
  await page.keyboard.press('n');
  await expect(presenter.getByTestId('presenter.slide.6')).toHaveAttribute('aria-current', 'true');
  await expect(presenter.getByTestId('presenter.notes')).toContainText('Watch x');
  await presenter.screenshot({ path: `${SHOTS}/presenter-window.png` });
  expect(app.errors).toEqual([]);
});

test('in the presentation view nothing moves by itself, and the pointer hides when it rests', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?deck=lecture&slide=2&present=1');
  await page.mouse.move(400, 400);
  await expect(page.getByTestId('present')).not.toHaveClass(/pointer-idle/);
  await expect(page.getByTestId('present')).toHaveClass(/pointer-idle/, { timeout: 4000 });
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="present"]')!).cursor)).toBe('none');
  await page.mouse.move(420, 420);
  await expect(page.getByTestId('present')).not.toHaveClass(/pointer-idle/);
  // A step lands at once: no transition on the labels or the camera.
  const transforms: string[] = [];
  await page.keyboard.press('PageDown');
  for (let k = 0; k < 5; k++) {
    transforms.push((await app.svg.locator('g.viewport').getAttribute('transform')) ?? '');
    await page.waitForTimeout(60);
  }
  expect(new Set(transforms).size, 'the view does not glide').toBe(1);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="circuit.svg"] text.value')!).transitionDuration)).toMatch(/^0s/);
  expect(app.errors).toEqual([]);
});

test('an embed opens in the presentation view too, and leaving it goes back to the embed', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  const app = new AppPage(page);
  await app.open('?embed=1&deck=lecture&slide=2&present=1');
  await expect(page.getByTestId('present.title')).toHaveText('f = (x + y) z');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('embed')).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('the presentation view typesets the step’s maths as the slides do: ∂f/∂q as a fraction', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?deck=lecture&slide=2&step=end&present=1');
  const explain = page.getByTestId('explain');
  await expect(explain.locator('.katex .mfrac').first()).toBeVisible();
  // The same step is still text for a screen reader and a copy: KaTeX keeps its MathML beside the drawing.
  await expect(explain.locator('.katex-mathml').first()).toBeAttached();
  await page.screenshot({ path: `${SHOTS}/present-typeset.png` });
  expect(app.errors).toEqual([]);
});

test('the 11-line network’s slide trains live in the presentation view: Run takes the loss below 0.01', async ({ page }) => {
  const app = new AppPage(page);
  const last = LECTURE_DECK.slides.length;
  await app.open(`?deck=lecture&slide=${last}&present=1`);
  await expect(page.getByTestId('present.title')).toHaveText('The 11-line network');
  const train = page.getByTestId('present').getByTestId('train');
  await expect(train).toHaveAttribute('open', '');
  await train.getByTestId('train.count').fill('1000');
  await train.getByTestId('train.run').click();
  await expect(train.getByTestId('train.iteration')).toHaveText('1,000', { timeout: 20_000 });
  expect(Number(await train.getByTestId('train.loss').textContent())).toBeLessThan(0.01);
  // The clicker still steps the circuit, now at the trained values.
  await app.press('PageDown');
  expect((await at(page)).step).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/present-train.png` });
  expect(app.errors).toEqual([]);
});
