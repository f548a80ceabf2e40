import type { AppState, AppStore } from '../state/store.ts';

/** What the presenter's and the audience's windows keep equal. */
interface SyncMessage {
  type: 'sync';
  slide: number;
  step: number;
  blank: boolean;
}
type Message = SyncMessage | { type: 'hello' };

const channelName = (id: string) => `backprop-present-${id}`;
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9;

function parseMessage(data: unknown): Message | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'hello') return { type: 'hello' };
  if (m.type === 'sync' && isIndex(m.slide) && isIndex(m.step) && typeof m.blank === 'boolean') return { type: 'sync', slide: m.slide, step: m.step, blank: m.blank };
  return null;
}

const snapshot = (s: AppState): SyncMessage => ({ type: 'sync', slide: s.slide, step: s.step, blank: s.blank });

/**
 * Keeps two windows of one browser on the same slide, step and blank screen over a BroadcastChannel: whichever moves,
 * the other follows. The presenter's window says hello when it opens and the audience's answers with where it is.
 */
export function startPresenterSync(store: AppStore, id: string, role: 'audience' | 'presenter'): () => void {
  if (typeof BroadcastChannel !== 'function') return () => {};
  const channel = new BroadcastChannel(channelName(id));
  let applying = false;
  channel.onmessage = (event: MessageEvent) => {
    const message = parseMessage(event.data);
    if (!message) return;
    if (message.type === 'hello') {
      if (role === 'audience') channel.postMessage(snapshot(store.getState()));
      return;
    }
    const s = store.getState();
    applying = true;
    try {
      if (s.deck && message.slide !== s.slide) s.goToSlide(message.slide, message.step);
      else if (message.step !== s.step) s.goTo(message.step);
      if (message.blank !== store.getState().blank) store.getState().setBlank(message.blank);
    } finally {
      applying = false;
    }
  };
  // A slide change passes through several states (the slide, its formula, its first stop): only the last is sent.
  let queued = false;
  const unsubscribe = store.subscribe((state, previous) => {
    if (applying || queued) return;
    if (state.slide === previous.slide && state.step === previous.step && state.blank === previous.blank) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      channel.postMessage(snapshot(store.getState()));
    });
  });
  if (role === 'presenter') channel.postMessage({ type: 'hello' });
  return () => {
    unsubscribe();
    channel.close();
  };
}
