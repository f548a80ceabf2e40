import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

const LECTURE = 'W = [[0.1, 0.5], [-0.3, 0.8]]; x = [0.2, 0.4]; q = W @ x; f = sum(q^2)';
const RELU = 'x = randn(4096); h = max(0, x); f = sum(h)';
const XOR = 'X = [[0,0,1],[0,1,1],[1,0,1],[1,1,1]]; y = [[0],[1],[1],[0]]; syn0 = randn(3, 4); syn1 = randn(4, 1); '
  + 'l1 = sigmoid(X @ syn0); l2 = sigmoid(l1 @ syn1); L = 0.5 * sum((y - l2)^2)';

/**
 * Every pair of drawn things that must stay apart and do not: a label (scalar text, wire name, shape tag, matrix
 * block or heatmap) against every gate and every other label. Measured on screen, as the user sees them.
 */
async function collisions(page: Page): Promise<string[]> {
  const svg = page.getByTestId('circuit.svg');
  // Zoomed out below legibility the labels are not drawn at all, and there would be nothing to measure.
  for (let k = 0; k < 10 && (await svg.getAttribute('class'))?.includes('labels-hidden'); k++) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('+');
    await page.waitForTimeout(300);
  }
  await expect(svg).not.toHaveClass(/labels-hidden/);
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="circuit.svg"]') as SVGSVGElement;
    const shown = (el: Element) => !el.closest('[visibility="hidden"], [display="none"]');
    const box = (el: Element, what: string) => ({ what, r: el.getBoundingClientRect() });
    const gates = [...svg.querySelectorAll('g.node')].map((g) => {
      const terminal = g.matches('.terminal');
      return box(g.querySelector(terminal ? 'text.gate-label' : 'rect.shape') as Element, `gate ${g.getAttribute('data-id')}`);
    });
    const labels = [...svg.querySelectorAll('g.labels text.value, g.labels text.grad, g.labels text.wire-name, g.labels g.shape-tag, g.labels g.tensor-label')]
      .filter((el) => shown(el) && (el.tagName !== 'text' || (el.textContent ?? '') !== ''))
      .map((el) => box(el, `${el.getAttribute('class')} ${el.getAttribute('data-id') ?? el.textContent}`));
    if (labels.length === 0 || labels.some((l) => l.r.width === 0)) return ['labels are not drawn'];
    // Touching edges are not overlaps: half a pixel of tolerance.
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const found: string[] = [];
    labels.forEach((a, i) => {
      for (const g of gates) if (hit(a.r, g.r)) found.push(`${a.what} overlaps ${g.what}`);
      for (const b of labels.slice(i + 1)) if (hit(a.r, b.r)) found.push(`${a.what} overlaps ${b.what}`);
    });
    return found;
  });
}

async function draw(app: AppPage, source: string): Promise<void> {
  await app.open();
  await app.type(source);
  await app.toEnd();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/tensor-${name}.png` });
}

const block = (app: AppPage, kind: 'value' | 'grad', id: string) => app.svg.locator(`g.tensor-label.${kind}[data-id="${id}"]`);
const cells = (app: AppPage, kind: 'value' | 'grad', id: string) => block(app, kind, id).locator('text.cell');

test.describe('tensor wires', () => {
  test('the lecture’s W @ x: small matrices above and below heavy wires, an inspector with ∂f/∂W, the lens on @', async ({ page }) => {
    const app = new AppPage(page);
    await draw(app, LECTURE);
    await expect(cells(app, 'value', 'W')).toHaveText(['0.10', '0.50', '-0.30', '0.80']);
    await expect(cells(app, 'grad', 'W')).toHaveText(['0.09', '0.18', '0.10', '0.21']);
    await expect(cells(app, 'grad', 'x')).toHaveText(['-0.11', '0.64']);
    await expect(app.svg.locator('g.shape-tag[data-id="W"]')).toHaveText('2×2');
    await expect(app.svg.locator('path.edge.tensor')).toHaveCount(4);
    await expect(app.grad('f')).toHaveAttribute('data-grad', '1.00');
    const width = (el: SVGElement | HTMLElement) => parseFloat(getComputedStyle(el).strokeWidth);
    const heavy = await app.svg.locator('path.edge.tensor:not(.active)').first().evaluate(width);
    const thin = await app.svg.locator('g.node[data-id="f"] line.stub').evaluate(width);
    expect(heavy).toBeGreaterThan(thin * 1.5);
    expect(await collisions(page)).toEqual([]);
    await shoot(page, 'lecture-end');

    await cells(app, 'grad', 'W').nth(1).hover();
    await expect(app.svg.locator('.tooltip text')).toHaveText('∂f/∂W[0, 1] = 0.176');

    await block(app, 'grad', 'W').click();
    const inspector = page.getByRole('dialog', { name: 'Wire W' });
    await expect(inspector).toBeVisible();
    await expect(inspector.getByTestId('inspector.summary')).toContainText('2×2 matrix');
    await expect(inspector.getByTestId('inspector.grads').locator('td')).toHaveText(['0.088', '0.176', '0.104', '0.208']);
    await expect(inspector.getByTestId('inspector.values').locator('td')).toHaveText(['0.1', '0.5', '-0.3', '0.8']);
    await expect(inspector.getByTestId('inspector.stats.grad')).toContainText('0.088');
    await expect(inspector.getByTestId('inspector.stats.grad')).toContainText('0.208');
    await expect(inspector.getByTestId('inspector.stats.grad')).toContainText('0.144');
    await expect(inspector.getByTestId('inspector.heatmap.grad')).toBeVisible();
    await shoot(page, 'lecture-inspector');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The wire itself, between two gates, opens the inspector of the value it carries.
    // (A level path has an empty box to Playwright, so the click goes to its middle by hand.)
    const wire = (await app.svg.locator('path.edge.tensor[data-source="q"]').boundingBox())!;
    await page.mouse.click(wire.x + wire.width / 2, wire.y + wire.height / 2);
    await expect(page.getByRole('dialog', { name: 'Wire q' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await app.svg.locator('g.node[data-id="q"] rect.shape').click();
    const lens = page.getByRole('dialog', { name: /Jacobian lens: the @ gate computing q/ });
    await expect(lens).toBeVisible();
    await expect(lens.getByTestId('lens.input.0.size')).toContainText('2×4, i.e. 8 entries');
    await expect(lens.getByTestId('lens.input.0.nonzeros')).toContainText('at most 4 of 8 entries');
    await expect(lens.getByTestId('lens.input.0.matrix').locator('td')).toHaveText(['0.2', '0.4', '0', '0', '0', '0', '0.2', '0.4']);
    await expect(lens.getByTestId('lens.input.0.vjp')).toHaveText('[[0.088, 0.176], [0.104, 0.208]]');
    await expect(lens.getByTestId('lens.input.1.size')).toContainText('2×2, i.e. 4 entries');
    await expect(lens.getByTestId('lens.input.1.structure')).toContainText('weights');
    await expect(lens.getByTestId('lens.input.1.matrix').locator('td')).toHaveText(['0.1', '0.5', '-0.3', '0.8']);
    await expect(lens.getByTestId('lens.input.1.vjp')).toHaveText('[-0.112, 0.636]');
    await shoot(page, 'lecture-lens');
    await lens.getByTestId('lens.close').click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(app.errors).toEqual([]);
  });

  test('x = randn(4096): heatmaps as single images with their range, exact numbers on hover, the lens on max', async ({ page }) => {
    const app = new AppPage(page);
    await draw(app, RELU);
    await expect(app.svg.locator('image.heatmap')).toHaveCount(4);
    await expect(block(app, 'value', 'x')).toHaveAttribute('data-block', 'heatmap');
    // Never a rect per element: the few rects are frames and click targets.
    expect(await app.svg.locator('g.labels rect').count()).toBeLessThan(20);
    await expect(block(app, 'value', 'x').locator('text.range')).toHaveText(/^−\d\.\d … \d\.\d$/);
    await expect(block(app, 'grad', 'h').locator('text.range')).toHaveText('∂ 1.0 … 1.0');
    await expect(app.svg.locator('g.shape-tag[data-id="x"]')).toHaveText('4096');
    expect(await collisions(page)).toEqual([]);
    await shoot(page, 'relu-end');

    // The cell in row 1, column 2 of the 64×64 grid is x[66].
    const image = block(app, 'value', 'x').locator('image.heatmap');
    const b = (await image.boundingBox())!;
    await page.mouse.move(b.x + (2.5 * b.width) / 64, b.y + (1.5 * b.height) / 64);
    await expect(app.svg.locator('.tooltip')).toHaveAttribute('visibility', 'visible');
    const tip = (await app.svg.locator('.tooltip text').textContent()) ?? '';
    expect(tip).toMatch(/^x\[66\] = -?\d/);

    await app.svg.locator('g.shape-tag[data-id="x"]').click();
    const inspector = page.getByRole('dialog', { name: 'Wire x' });
    await expect(inspector.getByTestId('inspector.summary')).toContainText('4096-vector');
    await expect(inspector.getByTestId('inspector.heatmap.value')).toBeVisible();
    await expect(inspector).toContainText('Showing the first 256 of 4096 elements');
    const row = inspector.getByTestId('inspector.table').locator('tbody tr').nth(66);
    await expect(row.locator('th')).toHaveText('[66]');
    expect(tip).toBe(`x[66] = ${await row.locator('td').first().textContent()}`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await app.svg.locator('g.node[data-id="h"] rect.shape').click();
    const lens = page.getByRole('dialog', { name: /Jacobian lens: the max gate computing h/ });
    const jx = lens.getByTestId('lens.input.1');
    await expect(jx.getByTestId('lens.input.1.size')).toContainText('4096×4096, i.e. 16,777,216 entries');
    await expect(jx.getByTestId('lens.input.1.structure')).toContainText('diagonal');
    await expect(jx.getByTestId('lens.input.1.nonzeros')).toContainText('at most 4,096 of 16,777,216 entries');
    await expect(jx.getByTestId('lens.input.1.unformed')).toContainText('never formed');
    await expect(jx.getByTestId('lens.input.1.vjp')).toBeVisible();
    await shoot(page, 'relu-lens');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(app.errors).toEqual([]);
  });

  test('the eleven-line network: every matrix block clear of gates and labels, in every theme, σ still expands', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const app = new AppPage(page);
    await draw(app, XOR);
    await expect(app.svg.locator('g.tensor-label.value[data-block="matrix"]')).toHaveCount(10);
    await expect(cells(app, 'value', 'y')).toHaveText(['0.00', '1.00', '1.00', '0.00']);
    for (const theme of ['light', 'dark', 'projector'] as const) {
      await page.getByTestId('toolbar.theme').selectOption(theme);
      await app.press('0');
      await page.waitForTimeout(300);
      expect(await collisions(page), theme).toEqual([]);
      await shoot(page, `xor-end-${theme}`);
    }
    await page.getByTestId('toolbar.theme').selectOption('light');

    await app.svg.locator('g.node[data-id="l2~1"] rect.shape').click();
    const lens = page.getByRole('dialog', { name: /Jacobian lens: the @ gate/ });
    await expect(lens.getByTestId('lens.input.0.size')).toContainText('4×16, i.e. 64 entries');
    await expect(lens.getByTestId('lens.input.1.size')).toContainText('4×4, i.e. 16 entries');
    await shoot(page, 'xor-lens');
    await page.keyboard.press('Escape');

    const gates = await app.svg.locator('g.node.gate').count();
    await app.svg.locator('g.node[data-id="l1"] rect.shape').click();
    await expect(app.svg.locator('g.node.gate')).not.toHaveCount(gates);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await app.press('0');
    await page.waitForTimeout(300);
    expect(await collisions(page)).toEqual([]);
    await shoot(page, 'xor-expanded');
    expect(app.errors).toEqual([]);
  });

  test('i and j open the inspector and the lens for the current step; Esc closes them and the clicker steps again', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.type(LECTURE);
    await app.press('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await app.press('i');
    const inspector = page.getByRole('dialog', { name: 'Wire q' });
    await expect(inspector).toBeVisible();
    await expect(inspector.getByTestId('inspector.table').locator('td')).toHaveText(['0.22', '–', '0.26', '–']);
    // Keys inside the dialog do not step the circuit behind it.
    await page.keyboard.press('ArrowRight');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await app.press('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '2');

    await app.press('j');
    const lens = page.getByRole('dialog', { name: /Jacobian lens: the \^2 gate/ });
    await expect(lens.getByTestId('lens.input.0.size')).toContainText('2×2, i.e. 4 entries');
    await expect(lens.getByTestId('lens.input.0.structure')).toContainText('diagonal');
    await lens.getByTestId('lens.input.0.inspect').click();
    await expect(page.getByRole('dialog', { name: 'Wire q' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await app.press(' ');
    await expect(app.progress).toHaveAttribute('data-step', '3');
    await app.press('PageUp');
    await app.press('ArrowLeft');
    await expect(app.progress).toHaveAttribute('data-step', '1');
    expect(app.errors).toEqual([]);
  });

  test('focus returns to where it was when a dialog closes', async ({ page }) => {
    const app = new AppPage(page);
    await draw(app, LECTURE);
    const fit = page.getByTestId('zoom.fit');
    await fit.focus();
    await page.keyboard.press('j');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByTestId('lens.close')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(fit).toBeFocused();
  });

  test('a scalar circuit draws no tensor parts and i, j do nothing', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.toEnd();
    await expect(app.svg.locator('g.shape-tag, g.tensor-label, path.edge.tensor, line.stub-hit')).toHaveCount(0);
    await app.press('i');
    await app.press('j');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  for (const theme of ['light', 'dark', 'projector'] as const) {
    test(`in the ${theme} theme, the tensor circuit, its inspector and its lens pass axe's checks`, async ({ page }) => {
      const app = new AppPage(page);
      await draw(app, RELU);
      await page.getByTestId('toolbar.theme').selectOption(theme);
      const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(await axe()).toEqual([]);
      await app.svg.locator('g.shape-tag[data-id="h"]').click();
      await expect(page.getByRole('dialog', { name: 'Wire h' })).toBeVisible();
      expect(await axe()).toEqual([]);
      await page.getByTestId('inspector.lens').click();
      await expect(page.getByRole('dialog', { name: /Jacobian lens/ })).toBeVisible();
      expect(await axe()).toEqual([]);
    });
  }
});
