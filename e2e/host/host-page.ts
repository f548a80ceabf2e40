import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The course page that embeds the app, on another origin (e2e/host/server.mjs). */
export const HOST_ORIGIN = process.env.E2E_HOST_ORIGIN ?? 'http://localhost:4174';

export interface LectureExample {
  readonly id: string;
  readonly source: string;
  readonly values: Record<string, number>;
  readonly grads: Record<string, number>;
}

/** The lecture's numbers: the repository's copy if there is one, else the shared original beside the repository. */
export function lectureExamples(): LectureExample[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../../src/core/fixtures/lecture-examples.json'), join(here, '../../../shared/lecture/examples.json')];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`lecture examples not found: looked in ${candidates.join(', ')}`);
  return JSON.parse(readFileSync(file, 'utf8')) as LectureExample[];
}

export type Message = Record<string, unknown> & { type: string };
export type Wire = { value: number | null; grad: number | null };
export type StateReply = {
  type: 'circuit:state';
  id?: string | number;
  source: string;
  step: number;
  steps: number;
  phase: 'forward' | 'backward';
  output: Wire & { name: string };
  inputs: (Wire & { name: string })[];
  wires: (Wire & { id: string; label: string })[];
};

declare global {
  interface Window {
    received: { origin: string; data: unknown }[];
    resizes: { origin: string; data: { type: 'circuit:resize'; width: number; height: number } }[];
    send(message: unknown): void;
    request(message: unknown, timeoutMs?: number): Promise<unknown>;
    resizeApp(width: number, height: number): void;
  }
}

export interface HostOptions {
  /** The app's query string. */
  app?: string;
  sandbox?: string;
  width?: number;
  height?: number;
  sibling?: boolean;
  /** Wait for circuit:ready (false when the test expects none). */
  ready?: boolean;
  /** The host sets the iframe's height to each circuit:resize height. */
  autosize?: boolean;
}

/** A host page driving the embedded app through postMessage, and everything that went wrong on the way. */
export class HostPage {
  /** Console errors and uncaught exceptions from the host and the app frame, and any dialog. */
  readonly problems: string[] = [];

  constructor(readonly page: Page, readonly appBase: string) {
    page.on('console', (m) => m.type() === 'error' && this.problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      this.problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  }

  async open(options: HostOptions = {}): Promise<void> {
    const q = new URLSearchParams({ base: this.appBase, app: options.app ?? '?embed=1' });
    if (options.sandbox !== undefined) q.set('sandbox', options.sandbox);
    if (options.width) q.set('w', String(options.width));
    if (options.height) q.set('h', String(options.height));
    if (options.sibling) q.set('sibling', '1');
    if (options.autosize) q.set('autosize', '1');
    await this.page.goto(`${HOST_ORIGIN}/?${q}`);
    if (options.ready !== false) await expect.poll(() => this.count('circuit:ready'), { message: 'circuit:ready' }).toBe(1);
  }

  /** The app's DOM, for checks a user would make by looking. */
  get app(): FrameLocator {
    return this.page.frameLocator('#app');
  }

  /** The app's frame, to run code inside it as another frame would. */
  appFrame(): Frame {
    const frame = this.page.frame({ name: 'app' });
    if (!frame) throw new Error('no app frame');
    return frame;
  }

  async send(message: unknown): Promise<void> {
    await this.page.evaluate((m) => window.send(m), message);
  }

  /** Sends a request and returns the reply that echoes its id (null if none came within the timeout). */
  async request<T = Message>(message: Message, timeoutMs = 5000): Promise<T | null> {
    return (await this.page.evaluate(([m, t]) => window.request(m, t), [message, timeoutMs] as const)) as T | null;
  }

  async state(id: string | number = 'get'): Promise<StateReply> {
    const reply = await this.request<StateReply>({ type: 'circuit:get', id });
    expect(reply?.type, JSON.stringify(reply)).toBe('circuit:state');
    return reply as StateReply;
  }

  async received(): Promise<{ origin: string; data: Message }[]> {
    return (await this.page.evaluate(() => window.received)) as { origin: string; data: Message }[];
  }

  /** The circuit:resize messages, in order (kept apart from `received`, which holds the rest). */
  async resizes(): Promise<{ origin: string; width: number; height: number }[]> {
    const list = await this.page.evaluate(() => window.resizes);
    return list.map((m) => ({ origin: m.origin, width: m.data.width, height: m.data.height }));
  }

  /** The iframe's box on the host page. */
  async frameBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.page.locator('#app').boundingBox();
    if (!box) throw new Error('the app frame is not shown');
    return box;
  }

  async count(type: string): Promise<number> {
    return (await this.received()).filter((m) => m.data?.type === type).length;
  }

  /** Scrollbars, by the document's own measure: content wider or taller than the frame. */
  async overflow(): Promise<{ x: number; y: number }> {
    return this.appFrame().evaluate(() => {
      const el = document.scrollingElement ?? document.documentElement;
      return { x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight };
    });
  }
}

/** A wire by its label: the named wires of the lecture's tables. */
export function wire(state: StateReply, label: string): Wire {
  const w = state.wires.find((x) => x.label === label);
  if (!w) throw new Error(`no wire labelled ${label} in ${state.wires.map((x) => x.label).join(', ')}`);
  return w;
}
