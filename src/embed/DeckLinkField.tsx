import { useMemo, useState } from 'react';
import type { Deck } from '../core/index.ts';
import { NO_PENDING } from '../state/input-values.ts';
import { useAppStore } from '../ui/store-context.ts';
import { writeClipboard } from './share.ts';
import { baseOf, searchFor } from './url-state.ts';

/** Chat and LMS fields take links of this length; a longer one still works where the field allows it. */
const COMFORTABLE_LINK = 2000;

/** The link to a deck as edited, packed into `dz=`, opening at `slide`: shown, and copied on request. */
export function DeckLinkField({ deck, slide }: { deck: Deck; slide: number }) {
  const store = useAppStore();
  const [copied, setCopied] = useState<boolean | null>(null);
  const link = useMemo(() => {
    const state = store.getState();
    const source = deck.slides[slide]?.source ?? state.source;
    // The step is kept only when the slide shows the circuit on screen now.
    const same = state.model?.source === source;
    const search = searchFor({ ...state, deck, deckName: null, slide, source, pending: NO_PENDING, step: same ? state.step : 0, model: same ? state.model : null, present: false }, { embed: false });
    return baseOf(window.location.href) + search;
  }, [store, deck, slide]);
  return (
    <span className="deck-link">
      <button type="button" onClick={() => void writeClipboard(link).then(setCopied)} data-testid="deck-editor.copy-link">Copy link</button>
      <input type="text" readOnly value={link} aria-label={`Link to this deck, opening at slide ${slide + 1}`} onFocus={(e) => e.currentTarget.select()} data-testid="deck-editor.link" />
      <span className={link.length > COMFORTABLE_LINK ? 'hint deck-link-long' : 'hint'} role="status" data-testid="deck-editor.link-status">
        {copied === true ? 'Copied. ' : copied === false ? 'Select the link and copy it (Ctrl+C). ' : ''}
        {link.length > COMFORTABLE_LINK ? '⚠ ' : ''}{link.length.toLocaleString('en-US')} characters{link.length > COMFORTABLE_LINK ? ': long for some chat and LMS fields; a file export always works' : ''}
      </span>
    </span>
  );
}
