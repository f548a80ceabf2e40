import { useAppStore } from '../ui/store-context.ts';
import { startPresenterSync } from './presenter-sync.ts';
import { baseOf, searchFor } from './url-state.ts';

let channel: { id: string; stop: () => void } | null = null;

const newId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

/**
 * Opens the presenter's window (notes, the next step, the slide list, a timer) beside this one, which becomes the
 * audience's: both stay on the same slide and step, whichever is driven.
 */
export function PresenterButton() {
  const store = useAppStore();
  const open = () => {
    if (!channel) {
      const id = newId();
      channel = { id, stop: startPresenterSync(store, id, 'audience') };
    }
    const state = store.getState();
    const url = `${baseOf(window.location.href)}${searchFor({ ...state, present: false }, { embed: false })}&presenter=${channel.id}`;
    window.open(url, `presenter-${channel.id}`, 'popup,width=1200,height=760');
  };
  return (
    <button type="button" onClick={open} data-testid="present.presenter" title="Open the presenter’s window: notes, next step, slide list and timer, in step with this one">
      Presenter window
    </button>
  );
}
