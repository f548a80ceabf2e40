import { expect, test } from '@playwright/test';
import { AppPage } from './app-page.ts';

/** The lecture's vectorized circuits, as built-in examples, with the output each must reach. */
const TENSOR_EXAMPLES: [id: string, outputName: string, output: string][] = [
  ['vector-norm', 'f', '0.12'],
  ['relu-4096', 'f', ''],
  ['svm-loss', 'loss', '2.68'],
  ['two-layer-net', 'loss', '0.71'],
  ['eleven-line-net', 'L', '0.50'],
];

test.describe('vectors and matrices on the wires', () => {
  for (const [id, outputName, output] of TENSOR_EXAMPLES) {
    test(`${id}: chosen from the examples, drawn and stepped to the end`, async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await page.getByTestId('toolbar.example').selectOption(id);
      await expect(app.progress).toContainText('step 0 of');
      const last = await app.lastStep();
      // Step through every pass with the clicker's key, as an instructor would.
      for (let k = 0; k < last; k++) await app.press('PageDown');
      await expect(app.progress).toHaveAttribute('data-step', String(last));
      await expect(page.getByTestId('explain.title')).toContainText('Backward');
      if (output) await expect(app.value(outputName)).toHaveAttribute('data-value', output);
      else await expect(app.value(outputName)).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/${id}-end.png` });
      expect(app.errors).toEqual([]);
    });
  }

  test('the @ gate explains its backward step in matrix form with the lecture\'s numbers', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('toolbar.example').selectOption('vector-norm');
    await app.toEnd();
    const explain = page.getByTestId('explain');
    await expect(explain).toContainText('Backward: the @ gate');
    await expect(explain).toContainText('∂f/∂W = ∂f/∂q · xᵀ   (2×1 · 1×2 = 2×2) = [[0.088, 0.176], [0.104, 0.208]]');
    await expect(explain).toContainText('∂f/∂x = Wᵀ · ∂f/∂q   (2×2 · 2×1 = 2×1) = [-0.112, 0.636]');
    expect(app.errors).toEqual([]);
  });

  test('"As scalars" at mid-backward keeps the step on the same computation, and back', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('toolbar.example').selectOption('vector-norm');
    const last = await app.lastStep();
    await app.press('End');
    await app.press('ArrowLeft');
    await expect(page.getByTestId('explain.title')).toHaveText('Backward: the ^2 gate');
    await page.getByTestId('toolbar.as-scalars').check();
    await expect(app.svg.locator('g.node')).not.toHaveCount(0);
    await expect(app.progress).toHaveAttribute('data-phase', 'backward');
    await expect(page.getByTestId('explain.title')).toHaveText('Backward: the ^2 gate');
    await expect(page.getByTestId('explain')).toContainText('∂f/∂f₁[1] = 1');
    // Four products and their sums: W[0,0]·x[0] and its neighbours are wires of their own.
    await expect(page.getByTestId('inputs.row.W[0,1]')).toBeVisible();
    expect(await app.lastStep()).toBeGreaterThan(last);
    await page.screenshot({ path: 'test-results/screenshots/vector-norm-as-scalars.png' });
    await page.getByTestId('toolbar.as-scalars').uncheck();
    await expect(page.getByTestId('explain.title')).toHaveText('Backward: the ^2 gate');
    expect(await app.lastStep()).toBe(last);
    // The clicker still steps after the checkbox was touched.
    await app.press('PageDown');
    await expect(page.getByTestId('explain.title')).toHaveText('Backward: the @ gate');
    expect(app.errors).toEqual([]);
  });

  test('a shape error is shown in place, at the operator, and the last circuit stays', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('toolbar.example').selectOption('vector-norm');
    const nodes = await app.svg.getAttribute('data-nodes');
    await app.type('W = [[1, 2, 3], [4, 5, 6]]\nx = [1, 2]\nf = sum(W @ x)');
    await expect(page.getByTestId('editor.error-position')).toHaveText('Line 3, column 11:');
    await expect(page.getByTestId('editor.error')).toContainText("'@' cannot multiply a 2×3 matrix by a 2-vector");
    await expect(page.getByTestId('editor.error-mark')).toHaveText('@');
    await expect(app.svg).toHaveAttribute('data-nodes', nodes ?? '');
    await app.type('x = [1, 2]\nf = x * 2');
    await expect(page.getByTestId('editor.error')).toContainText('the output must be a scalar');
    await expect(page.getByTestId('editor.error')).toContainText('sum(...)');
    expect(app.errors).toEqual([]);
  });
});
