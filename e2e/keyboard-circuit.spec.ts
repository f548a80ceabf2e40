import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { AppPage } from './app-page.ts';

// A student who uses only the keyboard, with a screen reader: one Tab reaches the circuit, the arrows walk its
// gates, each says what it computes and what is known of it at this step, Enter acts as a click, and every step is
// announced. The clicker keys (PageDown, PageUp, Space) still step with a gate focused.

const SHOTS = process.env.SCREENSHOTS ?? 'test-results/screenshots';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
const LECTURE_1 = 'x = -2; y = 5; z = -4\nq = x + y\nf = q * z';

/** The focused element's accessible name and the circuit node it is, if any. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el?.getAttribute('data-id') ?? null, role: el?.getAttribute('role') ?? null, name: el?.getAttribute('aria-label') ?? '' };
});

async function tabIntoCircuit(page: Page, app: AppPage): Promise<void> {
  await page.getByTestId('steps.end').focus();
  for (let i = 0; i < 30 && (await focused(page)).id === null; i++) await page.keyboard.press('Tab');
  expect((await focused(page)).role).toBe('button');
  void app;
}

test('Tab reaches the circuit once, at the current gate, and the next Tab leaves it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent(LECTURE_1)}&step=2`);
  await expect(app.svg.locator('g.node[tabindex="0"]')).toHaveCount(1);
  await tabIntoCircuit(page, app);
  expect(await focused(page)).toEqual({ id: 'f', role: 'button', name: 'f = q · z, value -12' });
  await page.keyboard.press('Tab');
  expect((await focused(page)).id).toBeNull();
  expect(await app.svg.evaluate((svg) => svg.contains(document.activeElement))).toBe(false);
  expect(app.errors).toEqual([]);
});

test('the arrows walk the gates left to right and up and down, saying only what this step knows', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent(LECTURE_1)}&step=0`);
  await tabIntoCircuit(page, app);
  // At step 0 the tab stop is the first node from the left.
  expect(await focused(page)).toEqual({ id: 'x', role: 'button', name: 'input x, value -2' });
  await page.keyboard.press('ArrowDown');
  expect((await focused(page)).name).toBe('input y, value 5');
  await page.keyboard.press('ArrowRight');
  expect((await focused(page)).name).toBe('input z, value -4');
  await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toEqual({ id: 'q', role: 'button', name: 'q = x + y, not computed yet' });
  await page.keyboard.press('ArrowRight');
  expect((await focused(page)).name).toBe('f = q · z, not computed yet');
  await page.keyboard.press('ArrowLeft');
  expect((await focused(page)).id).toBe('q');
  // The arrows moved the focus, not the circuit's step.
  expect(await app.step()).toBe(0);
  // The clicker's keys still step, and the focused gate's name follows.
  await page.keyboard.press('PageDown');
  await expect(app.progress).toHaveAttribute('data-step', '1');
  expect(await focused(page)).toEqual({ id: 'q', role: 'button', name: 'q = x + y, value 3' });
  await page.keyboard.press('End');
  expect((await focused(page)).name).toBe('q = x + y, value 3, gradient -4');
  await page.keyboard.press('PageUp');
  expect(await app.step()).toBe((await app.lastStep()) - 1);
  expect(app.errors).toEqual([]);
});

test('each step is announced once, politely, in the explanation’s words', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent(LECTURE_1)}`);
  const announce = page.getByTestId('circuit.announce');
  await expect(announce).toHaveAttribute('aria-live', 'polite');
  await expect(announce).toHaveText('Step 0 of 5. Inputs: The inputs are x = -2, y = 5, z = -4.');
  await app.press('ArrowRight');
  await expect(announce).toHaveText('Step 1 of 5. Forward: q = x + y = -2 + 5 = 3');
  await expect(page.getByTestId('explain.line').first()).toContainText('q = x + y = -2 + 5 = 3');
  await app.press('ArrowRight', 2);
  await expect(announce).toHaveText('Step 3 of 5. Backward: ∂f/∂f = 1');
  await app.press('ArrowRight');
  await expect(announce).toHaveText('Step 4 of 5. Backward: ∂f/∂q = ∂f/∂f · ∂f/∂q = 1 · (-4) = -4   (local: ∂f/∂q = z = -4); ∂f/∂z = ∂f/∂f · ∂f/∂z = 1 · 3 = 3   (local: ∂f/∂z = q = 3)');
  // Only one live region speaks for a step: the step bar and the explanation are quiet.
  expect(await page.locator('[aria-live="polite"]').filter({ hasText: /Step 4 of 5|Backward/ }).count()).toBe(1);
  // The table of wires says its steps too.
  await page.getByTestId('display.table').click();
  await page.getByTestId('steps.prev').click();
  await expect(page.getByTestId('circuit.announce')).toHaveText('Step 3 of 5. Backward: ∂f/∂f = 1');
});

test('Enter on a gate goes to its step, on σ expands it, and the focus stays in the circuit', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent(LECTURE_1)}`);
  await tabIntoCircuit(page, app);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  // Past the last node the focus stays where it is.
  await page.keyboard.press('ArrowRight');
  expect((await focused(page)).id).toBe('f');
  await page.keyboard.press('Enter');
  await expect(app.progress).toHaveAttribute('data-step', '2');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  // Once the backward pass has begun, a gate's step is the one that passes its gradient back, as a click does.
  await expect(app.progress).toHaveAttribute('data-step', '1');

  await app.type('w = 2; x = -1\nf = sigmoid(w * x)');
  await tabIntoCircuit(page, app);
  await page.keyboard.press('End');
  for (let i = 0; i < 10 && !(await focused(page)).name.startsWith('f = σ'); i++) await page.keyboard.press('ArrowRight');
  expect((await focused(page)).name).toMatch(/^f = σ\(/);
  await page.keyboard.press('Enter');
  await expect(app.svg.locator('g.node.grouped')).toHaveCount(4);
  const after = await focused(page);
  expect(after.role).toBe('button');
  expect(await app.svg.locator('g.node[tabindex="0"]').count()).toBe(1);
  expect(app.errors).toEqual([]);
});

test('Enter on a tensor gate opens its Jacobian lens, on a tensor input its inspector; Esc gives the keys back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent('W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)')}&step=1`);
  await tabIntoCircuit(page, app);
  expect(await focused(page)).toEqual({ id: 'q', role: 'button', name: 'q = W @ x, 2-vector, value computed' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('PageDown');
  await expect(app.progress).toHaveAttribute('data-step', '2');
  expect(app.errors).toEqual([]);
});

test('in quiz mode a focused gate never says the number the quiz asks for', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`?quiz=1&f=${encodeURIComponent(LECTURE_1)}`);
  await app.press('ArrowRight');
  await tabIntoCircuit(page, app);
  expect(await focused(page)).toEqual({ id: 'q', role: 'button', name: 'q = x + y, value ? (the quiz asks for it)' });
  await expect(page.getByTestId('circuit.announce')).toHaveText('Step 1 of 5. Forward: q = ?, predict it.');
  expect(await page.getByTestId('circuit.announce').textContent()).not.toContain('3');
});

for (const theme of ['light', 'dark', 'projector'] as const) {
  test(`a focused gate has a ring that shows in the ${theme} theme`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?theme=${theme}&f=${encodeURIComponent(LECTURE_1)}&step=1`);
    await tabIntoCircuit(page, app);
    const ring = app.svg.locator('g.node:focus rect.focus-ring');
    await expect(ring).toBeVisible();
    const box = await ring.boundingBox();
    expect(box?.width).toBeGreaterThan(60);
    await app.svg.screenshot({ path: `${SHOTS}/focus-ring-${theme}.png` });
  });
}
