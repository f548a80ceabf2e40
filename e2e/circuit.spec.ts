import { expect, test } from '@playwright/test';
import examples from '../src/core/fixtures/lecture-examples.json' with { type: 'json' };
import { AppPage, twoDecimals } from './app-page.ts';

test.describe('the circuit view', () => {
  test('opens with the lecture’s first example drawn and only the inputs known', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.expectText(/f = q \* z/);
    await expect(app.value('x')).toHaveAttribute('data-value', '-2.00');
    await expect(app.value('q')).toBeHidden();
    await expect(app.progress).toContainText('step 0 of');
    expect(app.errors).toEqual([]);
  });

  for (const example of examples) {
    test(`${example.id}: stepping to the end draws the lecture's values and gradients on every wire`, async ({ page }, info) => {
      const app = new AppPage(page);
      await app.open();
      await app.type(example.source);
      await app.toEnd();
      for (const [name, value] of Object.entries(example.values)) {
        await expect(app.value(name), `value of ${name}`).toHaveAttribute('data-value', twoDecimals(value));
      }
      for (const [name, grad] of Object.entries(example.grads)) {
        await expect(app.grad(name), `gradient of ${name}`).toHaveAttribute('data-grad', twoDecimals(grad));
        await expect(app.grad(name)).toContainText(twoDecimals(grad));
      }
      await page.screenshot({ path: info.outputPath(`${example.id}-end.png`) });
      await page.screenshot({ path: `test-results/screenshots/${example.id}-end.png` });
      expect(app.errors).toEqual([]);
    });
  }

  test('arrow keys, PageDown/PageUp, Space, Home and End step forward and back', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const last = await app.lastStep();
    expect(last).toBe(5);
    await app.press('ArrowRight');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await expect(app.value('q')).toHaveAttribute('data-value', '3.00');
    await expect(app.page.getByTestId('explain')).toContainText('q = x + y = -2 + 5 = 3');
    await app.press('PageDown');
    await app.press(' ');
    await expect(app.progress).toHaveAttribute('data-step', '3');
    await expect(app.progress).toHaveAttribute('data-phase', 'backward');
    await expect(app.grad('f')).toHaveAttribute('data-grad', '1.00');
    await app.press('ArrowLeft');
    await app.press('PageUp');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await expect(app.grad('f')).toBeHidden();
    await app.press('End');
    await expect(app.progress).toHaveAttribute('data-step', String(last));
    await expect(app.page.getByTestId('explain')).toContainText('∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4');
    await app.press('Home');
    await expect(app.progress).toHaveAttribute('data-step', '0');
    expect(app.errors).toEqual([]);
  });

  test('a bad formula shows the error at its line and column and keeps the last circuit', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.press('End');
    await app.type('x = -2; y = 5; z = -4\nq = x + y\nf = q * foo(z)');
    await expect(app.page.getByTestId('editor.error-position')).toHaveText('Line 3, column 9:');
    await expect(app.page.getByTestId('editor.error')).toContainText("unknown function 'foo'");
    await expect(app.page.getByTestId('editor.error-mark')).toHaveText('foo');
    await expect(app.grad('x')).toHaveAttribute('data-grad', '-4.00');
    // The circuit still shown is marked as the last one that worked, with a note saying where to fix it.
    await expect(app.page.getByTestId('circuit.stale')).toContainText('fix line 3, column 9 of the formula');
    await app.page.screenshot({ path: 'test-results/screenshots/stale-circuit.png' });
    await app.type('x = -2; y = 5; z = -4\nq = x + y\nf = q * (z');
    await expect(app.page.getByTestId('editor.error-position')).toHaveText('Line 3, column 11:');
    await app.type('x = -2; y = 5; z = -4\nq = x + y\nf = q * z * 2');
    await expect(app.page.getByTestId('editor.error')).toHaveCount(0);
    await expect(app.page.getByTestId('circuit.stale')).toHaveCount(0);
    await expect(app.value('f')).toHaveAttribute('data-value', '-24.00');
    expect(app.errors).toEqual([]);
  });

  test('editing an input value updates the labels and keeps the step', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.press('End');
    const x = app.page.getByTestId('inputs.value.x');
    await x.fill('3');
    await x.press('Enter');
    await expect(app.value('x')).toHaveAttribute('data-value', '3.00');
    await expect(app.value('q')).toHaveAttribute('data-value', '8.00');
    await expect(app.value('f')).toHaveAttribute('data-value', '-32.00');
    await expect(app.grad('z')).toHaveAttribute('data-grad', '8.00');
    await app.expectText(/x = 3;/);
    await expect(app.progress).toHaveAttribute('data-step', '5');
    await app.page.getByTestId('inputs.slider.y').fill('1');
    await expect(app.value('q')).toHaveAttribute('data-value', '4.00');
    expect(app.errors).toEqual([]);
  });

  test('a sigmoid expands into its four gates and collapses back at the same step', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.type('w0 = 2; x0 = -1; w1 = -3; x1 = -2; w2 = -3\nf = sigmoid(w0*x0 + w1*x1 + w2)');
    await app.toEnd();
    await expect(app.svg.locator('g.node.gate')).toHaveCount(5);
    await expect(app.grad('x0')).toHaveAttribute('data-grad', '0.39');
    await app.page.getByTestId('toolbar.expand').check();
    await expect(app.svg.locator('g.node.gate')).toHaveCount(8);
    await expect(app.progress).toHaveAttribute('data-step', String(await app.lastStep()));
    await expect(app.grad('x0')).toHaveAttribute('data-grad', '0.39');
    await expect(app.svg.locator('g.node[data-id="f"] .gate-label')).toHaveText('1/x');
    await app.svg.locator('g.node[data-id="f"]').click();
    await expect(app.svg.locator('g.node.gate')).toHaveCount(5);
    await expect(app.svg.locator('g.node[data-id="f"] .gate-label')).toHaveText('σ');
    expect(app.errors).toEqual([]);
  });

  test('hovering a label shows its full value', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.type('x = 0.123456; f = x * 3');
    await app.toEnd();
    await app.value('f').hover();
    await expect(app.svg.locator('.tooltip')).toHaveAttribute('visibility', 'visible');
    await expect(app.svg.locator('.tooltip text')).toHaveText('f = 0.370368');
    await app.grad('x').hover();
    await expect(app.svg.locator('.tooltip text')).toHaveText('∂f/∂x = 3');
  });

  test('the wheel zooms, dragging pans, and 0 fits the circuit again', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const viewport = app.svg.locator('g.viewport');
    const transform = async () => {
      const t = (await viewport.getAttribute('transform')) ?? '';
      const [x, y, k] = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(t)?.slice(1).map(Number) ?? [];
      return { x: x as number, y: y as number, k: k as number };
    };
    const fitted = await transform();
    const box = (await app.svg.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await transform()).k).toBeGreaterThan(fitted.k * 1.2);
    const zoomed = await transform();
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await transform()).x).toBeCloseTo(zoomed.x + 120, 0);
    await app.press('0');
    await expect.poll(async () => (await transform()).k).toBeCloseTo(fitted.k, 3);
  });

  test('play runs through every step to the end', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.page.getByTestId('steps.speed').selectOption('8');
    await app.page.getByTestId('steps.play').click();
    await expect(app.progress).toHaveAttribute('data-step', '5', { timeout: 5000 });
    await expect(app.page.getByTestId('steps.play')).toHaveAttribute('aria-label', 'Play');
  });

  test('the gradient check agrees with the analytic gradients', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.page.getByTestId('gradcheck').locator('summary').click();
    const row = app.page.getByTestId('gradcheck.row.x');
    await expect(row).toContainText('-4');
    await expect(row).toContainText('✓');
  });
});
