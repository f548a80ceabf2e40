import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { EXAMPLES } from '../src/core/index.ts';
import { AppPage } from './app-page.ts';
import { HostPage, type Message } from './host/host-page.ts';

// A student predicts each number before it is shown; a course page gets every answer; an instructor reveals with the clicker.

const SHOTS = process.env.SCREENSHOTS ?? 'test-results/screenshots';
const LECTURE_1 = 'x = -2; y = 5; z = -4; f = (x + y) * z';
const VECTOR_NORM = EXAMPLES.find((e) => e.id === 'vector-norm')!.source;
const f = (source: string) => `f=${encodeURIComponent(source)}`;

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(350); // transitions settle
  await page.screenshot({ path: `${SHOTS}/quiz-${name}.png` });
}

/** WCAG A and AA over the quiz box and the withheld explanation, in whatever state they are in. */
async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).include('[data-testid="quiz"]').include('[data-testid="explain.withheld"], [data-testid="explain"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The quiz box's parts, as the student reads them. */
const quiz = (page: Page) => ({
  box: page.getByTestId('quiz'),
  input: page.getByTestId('quiz.input'),
  prompt: page.getByTestId('quiz.prompt'),
  verdict: page.getByTestId('quiz.verdict'),
  reason: page.getByTestId('quiz.reason'),
  score: page.getByTestId('quiz.score'),
});

test.describe('quiz mode in the full app', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a wrong guess shows the right answer and why, a right one a ✓, and the score counts them', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?${f(LECTURE_1)}`);
    const q = quiz(page);
    await page.getByTestId('toolbar.quiz').check();
    await expect(q.box).toContainText('each step shows ? where its number will be');
    await page.getByTestId('steps.next').click();
    await expect(app.value('f~1')).toHaveText('?');
    await expect(page.getByTestId('explain.withheld')).toBeVisible();
    await expect(page.getByTestId('explain')).toHaveCount(0);
    await expect(q.prompt).toHaveText('f₁ =');
    await shoot(page, 'full-question');
    await expectAccessible(page, 'asking');

    // A guess that is not a number is refused, and nothing is counted.
    await q.input.fill('three');
    await q.input.press('Enter');
    await expect(page.getByTestId('quiz.error')).toContainText('not a number');
    await q.input.fill('4');
    await q.input.press('Enter');
    await expect(q.verdict).toHaveAttribute('data-verdict', 'wrong');
    await expect(q.verdict).toContainText('✗ Not quite: f₁ = 3, not 4');
    await expect(q.reason).toHaveText('Why: f₁ = x + y = -2 + 5 = 3');
    await expect(app.value('f~1')).toHaveText('3.00');
    await expect(page.getByTestId('explain')).toContainText('f₁ = x + y = -2 + 5 = 3');
    await expect(q.score).toHaveText('0 of 1 right');
    await shoot(page, 'full-wrong');
    await expectAccessible(page, 'wrong');

    // The focus left the field with the answer, so the clicker steps on.
    await app.pressHere('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '2');
    await expect(app.value('f')).toHaveText('?');
    // In the field the keys type: → moves the caret and Space types, neither steps; Esc leaves the field.
    await q.input.click();
    await app.pressHere('ArrowRight');
    await app.pressHere(' ');
    await app.pressHere('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '2');
    await expect(page.getByTestId('steps.keys-hint')).toBeVisible();
    await app.pressHere('Escape');
    expect(await app.focused()).not.toBe('quiz.input');
    await q.input.fill('-12');
    await q.input.press('Enter');
    await expect(q.verdict).toHaveAttribute('data-verdict', 'right');
    await expect(q.verdict).toContainText('✓ Right: f = -12');
    await expect(q.score).toHaveText('1 of 2 right');
    await shoot(page, 'full-right');
    expect(app.errors).toEqual([]);
  });

  test('with the clicker, PageDown on a ? reveals it and the next PageDown steps; going back keeps every answer', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?quiz=1&theme=projector&${f(LECTURE_1)}&step=3`);
    const q = quiz(page);
    await expect(app.grad('f')).toHaveText('∂ ?');
    await app.press('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '3');
    await expect(app.grad('f')).toHaveText('∂ 1.00');
    await expect(q.verdict).toHaveAttribute('data-verdict', 'revealed');
    await expect(q.verdict).toContainText('Revealed: ∂f/∂f = 1');
    await expect(q.score).toHaveText('No answers yet · 1 revealed');
    await shoot(page, 'projector-revealed');
    await expectAccessible(page, 'projector, revealed');
    await app.press('PageDown');
    await expect(app.progress).toHaveAttribute('data-step', '4');
    // Backward, the gate's first input is asked; its other input waits with it.
    await expect(q.prompt).toHaveText('∂f/∂f₁ =');
    await expect(app.grad('f~1')).toHaveText('∂ ?');
    await expect(app.grad('z')).toHaveText('∂ ?');
    await q.input.fill('3');
    await q.input.press('Enter');
    await expect(q.reason).toHaveText('Why: local × upstream = -4 · 1 = -4   (local: ∂f/∂f₁ = z)');
    await expect(app.grad('z')).toHaveText('∂ 3.00');
    // Home, End and the scrubber lose nothing: each step shows its verdict again, and its numbers.
    await app.press('Home');
    await app.press('End');
    await expect(q.prompt).toHaveText('∂f/∂x =');
    await app.press('PageUp');
    await expect(q.verdict).toHaveAttribute('data-verdict', 'wrong');
    await expect(app.grad('f~1')).toHaveText('∂ -4.00');
    await app.press('PageUp');
    await expect(q.verdict).toHaveAttribute('data-verdict', 'revealed');
    await expect(q.score).toHaveText('0 of 1 right · 1 revealed');
    // Scrubbed back to step 1, skipped unanswered: still a question there.
    const bar = (await app.scrubber.boundingBox())!;
    await page.mouse.click(bar.x + bar.width / 5, bar.y + bar.height / 2);
    await expect(app.progress).toHaveAttribute('data-step', '1');
    await expect(app.value('f~1')).toHaveText('?');
    await expect(q.score).toHaveText('0 of 1 right · 1 revealed');
    expect(app.errors).toEqual([]);
  });

  test('in the presentation view the clicker stops on each ? and reveals it, the explanation with it', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?quiz=1&present=1&${f(LECTURE_1)}`);
    const where = page.getByTestId('present.where');
    await app.press('PageDown');
    await expect(where).toHaveAttribute('data-step', '1');
    await expect(app.value('f~1')).toHaveText('?');
    await expect(page.getByTestId('explain.withheld.question')).toHaveText('f₁ = ?');
    await shoot(page, 'present-question');
    await app.press('PageDown');
    await expect(where).toHaveAttribute('data-step', '1');
    await expect(app.value('f~1')).toHaveText('3.00');
    await expect(page.getByTestId('explain.withheld')).toHaveCount(0);
    await app.press('PageDown');
    await expect(where).toHaveAttribute('data-step', '2');
    await expect(app.value('f')).toHaveText('?');
    expect(app.errors).toEqual([]);
  });

  test('a tensor wire asks for its shape (its tag hidden until then), and backward for the Jacobian’s size', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?quiz=1&theme=dark&${f(VECTOR_NORM)}`);
    const q = quiz(page);
    const tag = page.locator('[data-testid="circuit.svg"] g.shape-tag[data-id="q"] text');
    await expect(tag).toHaveText('?');
    await app.press('PageDown');
    await expect(q.prompt).toHaveText('The shape of q:');
    await expect(page.locator('[data-testid="circuit.svg"] g.tensor-label.value[data-id="q"]')).toHaveClass(/question/);
    await shoot(page, 'vector-norm-shape');
    await q.input.fill('(2,)');
    await q.input.press('Enter');
    await expect(q.verdict).toHaveAttribute('data-verdict', 'right');
    await expect(tag).toHaveText('2');
    await app.press('End');
    await expect(q.prompt).toHaveText('The size of ∂q/∂W:');
    await q.input.fill('2x2');
    await q.input.press('Enter');
    await expect(q.verdict).toContainText('✗ Not quite: The size of ∂q/∂W is 2×4, not 2x2');
    await expect(q.reason).toContainText('one row per number of q (2), one column per number of W (4)');
    await shoot(page, 'vector-norm-jacobian');
    await expectAccessible(page, 'dark, Jacobian');
    expect(app.errors).toEqual([]);
  });
});

test.describe('quiz mode in an embed', () => {
  let host: HostPage;
  test.beforeEach(({ page, baseURL }) => {
    host = new HostPage(page, `${new URL(baseURL!).origin}/`);
  });
  test.afterEach(() => expect(host.problems, 'console errors, uncaught exceptions or dialogs').toEqual([]));

  test('at 720×420 the host receives circuit:answer for each guess and reveal, and can turn the quiz off', async ({ baseURL }) => {
    await host.open({ app: `?embed=1&quiz=1&explain=1&${f(LECTURE_1)}`, width: 720, height: 420 });
    await host.state(); // updates go to a host once it has spoken
    const app = host.app;
    await app.getByTestId('steps.next').click();
    await expect(app.locator('[data-testid="circuit.svg"] text.value[data-id="f~1"]')).toHaveText('?');
    await expect(app.getByTestId('explain.withheld')).toBeVisible();
    await shoot(host.page, 'embed-720x420-question');
    await app.getByTestId('quiz.input').fill('3');
    await app.getByTestId('quiz.input').press('Enter');
    await expect(app.getByTestId('quiz.verdict')).toContainText('✓ Right');
    await host.page.keyboard.press('PageDown');
    await host.page.keyboard.press('PageDown');
    await expect(app.getByTestId('quiz.verdict')).toHaveAttribute('data-verdict', 'revealed');
    const answers = async () => (await host.received()).filter((m) => m.data.type === 'circuit:answer');
    await expect.poll(async () => (await answers()).length).toBe(2);
    const [first, second] = await answers();
    expect(first!.origin).toBe(new URL(baseURL!).origin);
    expect(first!.data).toEqual({ type: 'circuit:answer', wire: 'f₁', kind: 'value', guess: '3', answer: 3, verdict: 'right', step: 1, score: { right: 1, answered: 1 } });
    expect(second!.data).toEqual({ type: 'circuit:answer', wire: 'f', kind: 'value', guess: null, answer: -12, verdict: 'revealed', step: 2, score: { right: 1, answered: 1 } });
    await expect(app.getByTestId('quiz.score')).toHaveText('1 of 1 right · 1 revealed');
    for (const id of ['quiz.score', 'quiz.restart', 'quiz.reason']) await expect(app.getByTestId(id)).toBeInViewport({ ratio: 1 });
    await shoot(host.page, 'embed-720x420-revealed');

    const off = await host.request<Message>({ type: 'circuit:quiz', id: 'off', on: false });
    expect(off).toMatchObject({ type: 'circuit:state', id: 'off' });
    await expect(app.getByTestId('quiz')).toHaveCount(0);
    expect(await host.request<Message>({ type: 'circuit:quiz', id: 'bad', on: 'yes' })).toMatchObject({ type: 'circuit:error', id: 'bad', message: expect.stringMatching(/true or false/) });
  });

  test('at 320×240 with every panel the box sits under the circuit, whole, and the circuit stays readable', async () => {
    await host.open({ app: `?embed=1&quiz=1&editor=1&inputs=1&explain=1&${f(LECTURE_1)}&step=1`, width: 320, height: 240 });
    const app = host.app;
    await expect(app.getByTestId('embed')).toHaveAttribute('data-layout', 'tabs');
    for (const id of ['quiz.input', 'quiz.check', 'quiz.reveal', 'steps.next', 'embed.open-full']) await expect(app.getByTestId(id)).toBeInViewport({ ratio: 1 });
    const circuit = (await app.getByTestId('circuit.svg').boundingBox())!;
    const box = (await app.getByTestId('quiz').boundingBox())!;
    expect(circuit.width).toBeGreaterThan(150);
    expect(circuit.height).toBeGreaterThan(100);
    expect(box.y, 'the box is under the circuit, not over it').toBeGreaterThanOrEqual(circuit.y + circuit.height - 1);
    expect(await host.overflow()).toEqual({ x: 0, y: 0 });
    await shoot(host.page, 'embed-320x240-question');
    await app.getByTestId('quiz.input').fill('1/3');
    await app.getByTestId('quiz.input').press('Enter');
    // The score appears with the first answer (a small frame has no room for an empty one).
    for (const id of ['quiz.verdict', 'quiz.reason', 'quiz.score']) await expect(app.getByTestId(id)).toBeInViewport({ ratio: 1 });
    await expect(app.getByTestId('quiz.score')).toHaveText('0 of 1 right');
    // The explanation tab waited for the answer.
    await app.getByRole('tab', { name: 'Explain' }).click();
    await expect(app.getByTestId('explain')).toContainText('f₁ = x + y');
    await app.getByRole('tab', { name: 'Circuit' }).click();
    expect(await host.overflow()).toEqual({ x: 0, y: 0 });
    await shoot(host.page, 'embed-320x240-wrong');
  });
});
