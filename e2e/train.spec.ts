import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { descend, EXAMPLES } from '../src/core/index.ts';
import { AppPage } from './app-page.ts';

const NET = EXAMPLES.find((e) => e.id === 'eleven-line-net')?.source as string;
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/train-${name}.png` });

/** Long tasks and slow input events from now on, as the page's own observers see them. */
async function watchResponsiveness(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; inputEvents: number[]; inputDelays: number[] };
    w.longTasks = [];
    w.inputEvents = [];
    w.inputDelays = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => {
      w.inputEvents.push(e.duration);
      w.inputDelays.push((e as PerformanceEventTiming).processingStart - e.startTime);
    })).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
}

/** The longest task; of the input events, the longest wait before a handler ran and the longest until the next paint. */
async function responsiveness(page: Page): Promise<{ longestTask: number; inputDelay: number; inputToPaint: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; inputEvents: number[]; inputDelays: number[] };
    return { longestTask: Math.max(0, ...w.longTasks), inputDelay: Math.max(0, ...w.inputDelays), inputToPaint: Math.max(0, ...w.inputEvents) };
  });
}

async function openTrain(app: AppPage) {
  await app.page.getByTestId('train').locator('summary').click();
  await expect(app.page.getByTestId('train.rate')).toBeVisible();
}

/** Drags the chart's pointer near its left end, then keys the slider to exactly `iteration`. */
async function scrubTo(page: Page, iteration: number) {
  const chart = page.getByTestId('train.chart.svg');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.145, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await chart.focus();
  const now = Number(await chart.getAttribute('aria-valuenow'));
  const key = now < iteration ? 'ArrowRight' : 'ArrowLeft';
  for (let k = 0; k < Math.abs(iteration - now); k++) await page.keyboard.press(key);
  await expect(chart).toHaveAttribute('aria-valuenow', String(iteration));
}

test.describe('learning by descending', { tag: '@timing' }, () => {
  // One at a time: the timing story measures long tasks, which a second browser on a 2-core machine would lengthen.
  test.describe.configure({ mode: 'serial' });
  test('the 11-line network trains live to 60,000 iterations, then goes back to iteration 100 and steps there', async ({ page }) => {
    test.setTimeout(90_000);
    const app = new AppPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.open();
    await page.getByTestId('toolbar.example').selectOption('eleven-line-net');
    await openTrain(app);
    await expect(page.getByTestId('train.param.syn0').locator('input')).toBeChecked();
    await expect(page.getByTestId('train.param.X').locator('input')).not.toBeChecked();
    await expect(page.getByTestId('train.param.X')).toContainText('data');
    const heatmap = page.getByTestId('train.heatmap').locator('canvas');
    const before = await heatmap.evaluate((c: HTMLCanvasElement) => c.toDataURL());

    await page.getByTestId('train.count').fill('60000');
    await watchResponsiveness(page);
    const started = Date.now();
    await page.getByTestId('train.run').click();
    // Input keeps being answered during the run: the log-scale box is ticked and unticked while it trains.
    const log = page.getByTestId('train.log');
    for (let k = 0; k < 2; k++) await log.click();
    await expect(page.getByTestId('train.iteration')).toHaveText('60,000', { timeout: 30_000 });
    const seconds = (Date.now() - started) / 1000;
    const { longestTask, inputDelay, inputToPaint } = await responsiveness(page);
    console.log(`60,000 iterations in the app: ${seconds.toFixed(2)} s (click to last frame), longest task ${longestTask.toFixed(0)} ms, `
      + `input handled within ${inputDelay.toFixed(0)} ms and painted within ${inputToPaint.toFixed(0)} ms`);
    expect(longestTask).toBeLessThan(200);
    expect(inputDelay).toBeLessThan(100);

    const loss = Number(await page.getByTestId('train.loss').textContent());
    expect(loss).toBeLessThan(0.01);
    const reference = descend(NET, { learningRate: 1, steps: 60_000, parameters: ['syn0', 'syn1'] });
    const losses = reference.ok ? reference.losses : [];
    expect(loss).toBeCloseTo(losses[60_000] as number, 9);
    await expect(page.getByTestId('train.chart.svg')).toHaveAttribute('data-count', '60001');
    expect(((await page.locator('.loss-curve').getAttribute('d')) ?? '').length).toBeGreaterThan(200);
    expect(await heatmap.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);
    await page.getByTestId('train').scrollIntoViewIfNeeded();
    await shot(page, 'trained-1280');

    await scrubTo(page, 100);
    await expect(page.getByTestId('train.iteration')).toHaveText('100');
    await expect(app.value('L')).toHaveAttribute('data-value', '0.43');
    await expect(page.getByTestId('train.loss')).toHaveText(String(Number((losses[100] as number).toPrecision(6))));
    await shot(page, 'iteration-100-1280');

    // The app's own step controls walk the passes at that iteration.
    await app.press('Home');
    await expect(app.progress).toHaveAttribute('data-step', '0');
    await app.press('ArrowRight', 3);
    await expect(app.progress).toHaveAttribute('data-step', '3');
    await app.toEnd();
    await expect(app.value('L')).toHaveAttribute('data-value', '0.43');
    await expect(page.getByTestId('train.iteration')).toHaveText('100');
    expect(app.errors).toEqual([]);
  });

  test('a learning rate too large shows divergence on the chart and NaN or ∞ on the wires, without errors', async ({ page }) => {
    const app = new AppPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.open();
    await app.type('w = [1, -2]\nf = sum(w^4)');
    await expect(app.value('f')).toHaveCount(1);
    await openTrain(app);
    await page.getByTestId('train.rate').fill('5');
    await page.getByTestId('train.run').click();
    await expect(page.getByTestId('train.diverged')).toContainText('Diverged');
    await expect(page.locator('.loss-diverged line')).toHaveCount(1);
    await expect(app.value('f')).toHaveAttribute('data-value', /NaN|∞/);
    await page.getByTestId('train.log').click();
    await expect(page.locator('.loss-diverged line')).toHaveCount(1);
    await page.getByTestId('train').scrollIntoViewIfNeeded();
    await shot(page, 'diverged-1280');
    expect(app.errors).toEqual([]);
  });

  test('at 1920×1080 the panel, chart and heatmap sit beside the circuit, and pass axe in every theme', async ({ page }) => {
    const app = new AppPage(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await app.open();
    await page.getByTestId('toolbar.example').selectOption('eleven-line-net');
    await openTrain(app);
    await page.getByTestId('train.count').fill('1000');
    await page.getByTestId('train.run').click();
    await expect(page.getByTestId('train.iteration')).toHaveText('1,000');
    expect(Number(await page.getByTestId('train.loss').textContent())).toBeLessThan(0.01);
    await page.getByTestId('train').scrollIntoViewIfNeeded();
    await shot(page, 'trained-1920');
    for (const theme of ['light', 'dark', 'projector']) {
      await page.getByTestId('toolbar.theme').selectOption(theme);
      const results = await new AxeBuilder({ page }).include('[data-testid="train"]').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(results.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    expect(app.errors).toEqual([]);
  });
});
