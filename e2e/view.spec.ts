import { expect, test } from '@playwright/test';
import { AppPage } from './app-page.ts';

const transform = (app: AppPage) => app.svg.locator('g.viewport').getAttribute('transform');

test.describe('the circuit stays readable and still', () => {
  test('stepping through the sigmoid neuron never rescales or shifts the drawing', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('toolbar.example').selectOption('lecture-2');
    await expect(app.progress).toContainText('step 0 of');
    await page.waitForTimeout(400);
    const start = await transform(app);
    const last = await app.lastStep();
    for (let k = 0; k < last; k++) {
      await app.press('PageDown');
      await expect(app.progress).toHaveAttribute('data-step', String(k + 1));
      expect(await transform(app), `step ${k + 1}`).toBe(start);
    }
    expect(app.errors).toEqual([]);
  });

  test('a circuit too wide to read whole is followed at a readable size; Fit shows it whole; Follow brings it back', async ({ page }) => {
    const app = new AppPage(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open();
    await page.getByTestId('toolbar.example').selectOption('eleven-line-net');
    await expect(app.svg).toHaveAttribute('data-follow', '1');
    const scale = async () => Number(/scale\(([\d.]+)/.exec((await transform(app)) ?? '')?.[1] ?? 1);
    expect(await scale()).toBeGreaterThanOrEqual(0.85);
    // Every gate the steps visit comes into view as it is computed.
    const last = await app.lastStep();
    for (let k = 0; k < last; k++) {
      await app.press('PageDown');
      await page.waitForTimeout(300);
      const current = app.svg.locator('g.node.current');
      await expect(current).toBeInViewport();
    }
    await page.screenshot({ path: 'test-results/screenshots/eleven-line-follow.png' });
    await page.getByTestId('zoom.fit').click();
    await expect(app.svg).toHaveAttribute('data-follow', '0');
    await expect(page.getByTestId('zoom.follow')).toHaveAttribute('aria-pressed', 'false');
    await page.waitForTimeout(400);
    expect(await scale()).toBeLessThan(0.6);
    // Zoomed out, the legend says how to read the numbers, and the current gate keeps its own.
    await expect(page.getByTestId('legend.hidden')).toBeVisible();
    await expect(app.svg.locator('g.labels .current').first()).toBeVisible();
    await expect(app.svg.locator('g.labels text.value:not(.current)').first()).toBeHidden();
    await page.screenshot({ path: 'test-results/screenshots/eleven-line-fit.png' });
    await page.getByTestId('zoom.follow').click();
    await expect(app.svg).toHaveAttribute('data-follow', '1');
    await expect(page.getByTestId('zoom.follow')).toHaveAttribute('aria-pressed', 'true');
    expect(app.errors).toEqual([]);
  });

  test('clicking a gate jumps to the step that computes it, forward or, during the backward pass, back', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.svg.locator('g.node[data-id="f"]').click();
    await expect(app.progress).toHaveAttribute('data-step', '2');
    await expect(page.getByTestId('explain.title')).toHaveText('Forward: the * gate');
    await app.press('ArrowRight');
    await app.svg.locator('g.node[data-id="q"]').click();
    await expect(app.progress).toHaveAttribute('data-step', '5');
    await expect(page.getByTestId('explain.title')).toHaveText('Backward: the + gate');
    expect(app.errors).toEqual([]);
  });

  test('clicking a wire\'s value or gradient jumps to the step that computes it', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.press('End');
    await app.value('q').click();
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await expect(page.getByTestId('explain.title')).toHaveText('Forward: the + gate');
    await app.press('End');
    await app.grad('z').click();
    await expect(app.progress).toHaveAttribute('data-step', '4');
    await app.press('End');
    await app.grad('f').click();
    await expect(app.progress).toHaveAttribute('data-step', '3');
    expect(app.errors).toEqual([]);
  });
});
