import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Collects the page's long tasks (main-thread work over 50 ms) from now on. The reader returns their durations, in
 * rounded ms, since the last read (two frames late: a long task is reported after it ends).
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => new Promise<number[]>((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => resolve((window as unknown as { longTasks: number[] }).longTasks.splice(0))));
  }));
}

/**
 * The editor's whole text. Its page holds only the lines in view, so its DOM text is not the text: the editor leaves
 * a hook for the tests on its editable element (src/ui/editor-view.ts).
 */
export function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((el) => (el as HTMLElement & { editorText: () => string }).editorText());
}

/** Waits until the editor shows this text (or text that matches). */
export async function expectEditorText(editor: Locator, expected: string | RegExp): Promise<void> {
  if (typeof expected === 'string') await expect.poll(() => editorText(editor)).toBe(expected);
  else await expect.poll(() => editorText(editor)).toMatch(expected);
}

/** Pastes text over the whole formula with Ctrl+V, as a person does (the context needs clipboard permissions). */
export async function pasteFormula(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByTestId('editor.input').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
}

/** The app as a user sees it: a page object so the tests read like stories. */
export class AppPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => m.type() === 'error' && this.errors.push(m.text()));
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('dialog', (d) => {
      this.errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.svg.locator('g.node').first()).toBeVisible();
  }

  get svg() {
    return this.page.getByTestId('circuit.svg');
  }

  get editor() {
    return this.page.getByTestId('editor.input');
  }

  /** The formula as the editor shows it. */
  text(): Promise<string> {
    return editorText(this.editor);
  }

  expectText(expected: string | RegExp): Promise<void> {
    return expectEditorText(this.editor, expected);
  }

  /** The line numbers in the page: the lines in view, and a margin (the first gutter element only sets its width). */
  get lineNumbers() {
    return this.page.locator('[data-testid="editor.box"] .cm-lineNumbers .cm-gutterElement:not([style*="visibility"])');
  }

  /** The error's line number, marked in the gutter. */
  get errorLineNumber() {
    return this.page.locator('[data-testid="editor.box"] .cm-gutterElement.error-line');
  }

  get progress() {
    return this.page.getByTestId('steps.progress');
  }

  async type(source: string): Promise<void> {
    await this.editor.fill(source);
  }

  /** The value label drawn above a wire, by node id (a named wire's id is its name). */
  value(id: string) {
    return this.svg.locator(`text.value[data-id="${id}"]`);
  }

  grad(id: string) {
    return this.svg.locator(`text.grad[data-id="${id}"]`);
  }

  async step(): Promise<number> {
    return Number(await this.progress.getAttribute('data-step'));
  }

  async lastStep(): Promise<number> {
    const text = (await this.progress.locator('.step-count').textContent()) ?? '';
    return Number(/of (\d+)/.exec(text)?.[1]);
  }

  /** Steps with the keyboard, as a clicker would (after leaving any text field, where keys edit text). */
  async press(key: string, times = 1): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  /** Presses keys wherever the focus is now, as a clicker does after the presenter clicked some control. */
  async pressHere(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }

  /** What has the keyboard focus: its test id, else its tag name (BODY when nothing does). */
  async focused(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
  }

  /** The progress bar, a slider that scrubs through the steps. */
  get scrubber() {
    return this.page.getByTestId('steps.scrubber');
  }

  async toEnd(): Promise<void> {
    await this.press('End');
    await expect(this.page.getByTestId('steps.end')).toBeDisabled();
  }
}

/** The drawn label is rounded to two decimals, as on the slides. */
export function twoDecimals(v: number): string {
  const s = v.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}
