import type { AppState } from '../state/store.ts';
import { baseOf, searchFor } from './url-state.ts';

/** Large enough for the lecture's circuits with their labels, small enough for a course page's text column. */
export const EMBED_WIDTH = 720;
export const EMBED_HEIGHT = 420;
const CLIPBOARD_TIMEOUT_MS = 1500;

/** The link that reopens the current view in the full app. */
export function linkFor(state: AppState, href: string): string {
  return baseOf(href) + searchFor(state, { embed: false });
}

/** The same view as an embed: only the circuit and the step controls, plus any panels the view shows. */
export function embedUrlFor(state: AppState, href: string): string {
  return baseOf(href) + searchFor(state, { embed: true });
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An `<iframe>` snippet for a course page. No `sandbox` attribute by default, so "Full app" and copying work as
 * expected; the app also runs under `sandbox="allow-scripts"` when a host adds it (see the README).
 */
export function embedCodeFor(state: AppState, href: string): string {
  const title = `Backpropagation circuit for ${state.model?.circuit.outputName ?? 'a formula'}`;
  return `<iframe src="${escapeAttribute(embedUrlFor(state, href))}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" title="${escapeAttribute(title)}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

interface FeaturePolicy {
  allowsFeature(feature: string): boolean;
}

/** Asking a frame's permissions policy first keeps the browser from logging a violation for a refused write. */
function clipboardAllowed(): boolean {
  const doc = document as Document & { featurePolicy?: FeaturePolicy; permissionsPolicy?: FeaturePolicy };
  const policy = doc.permissionsPolicy ?? doc.featurePolicy;
  return !policy || policy.allowsFeature('clipboard-write');
}

/**
 * Writes text to the clipboard; false when it is refused or unavailable (an iframe without `clipboard-write`, an
 * insecure page, a browser that never answers), so the caller can offer the text for manual copying instead.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    const clipboard = navigator.clipboard;
    if (!clipboard?.writeText || !clipboardAllowed()) return false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CLIPBOARD_TIMEOUT_MS)));
    const written = clipboard.writeText(text).then(() => true, () => false);
    const ok = await Promise.race([written, timeout]);
    clearTimeout(timer);
    return ok;
  } catch {
    return false;
  }
}
