import { useMemo, useState, type ReactNode } from 'react';
import { deckFileText, MAX_DECK_FILE_BYTES, parseDeckFile, type Deck } from '../core/index.ts';
import { browserDeckStore, forgetDeck, loadDecks, rememberDeck, rememberedIdOf, type Remembered, type RememberedDeck } from '../state/deck-storage.ts';
import { currentSource } from '../state/store.ts';
import { applyEditedDeck, newDraft, slideFromApp } from './apply-deck.ts';
import { deckFromDraft, draftOf, duplicateSlide, insertSlide, moveSlide, removeSlide, updateSlide, type DeckDraft, type SlideDraft } from './deck-draft.ts';
import { DeckLibrary } from './DeckLibrary.tsx';
import { Dialog } from './Dialog.tsx';
import { deckFileName, downloadText } from './download.ts';
import { checkSlide } from './slide-check.ts';
import { SlideForm } from './SlideForm.tsx';
import { SlideList } from './SlideList.tsx';
import { useApp, useAppStore } from './store-context.ts';

/** The deck's link, built by the sharing layer above the UI: the deck as edited, opening at the given slide. */
export type DeckLinkSlot = (deck: Deck, slide: number) => ReactNode;

type Message = { readonly kind: 'error' | 'status'; readonly text: string };
interface Editing { readonly draft: DeckDraft; readonly selected: number; readonly target: 'current' | 'new'; readonly onScreen?: number }

const lastStepOf = (s: SlideDraft) => {
  const check = checkSlide(s.source, s.view);
  return check.ok ? check.last : undefined;
};

/** Makes and edits decks: titles, formulas, notes and stops, saved in the app, as a file, a link and in this browser. */
export function DeckEditor({ start, onClose, deckLink }: { start: 'current' | 'new'; onClose: () => void; deckLink?: DeckLinkSlot }) {
  const store = useAppStore();
  const [editing, setEditing] = useState<Editing>(() => {
    const s = store.getState();
    if (start === 'current' && s.deck) return { draft: draftOf(s.deck), selected: s.slide, target: 'current', onScreen: s.slide };
    return { draft: newDraft(s), selected: 0, target: 'new' };
  });
  const [remembered, setRemembered] = useState<Remembered>(() => loadDecks(browserDeckStore()));
  const [message, setMessage] = useState<Message | null>(null);
  const appSource = useApp(currentSource);
  const { draft, selected, target } = editing;
  const built = useMemo(() => deckFromDraft(draft, lastStepOf), [draft]);
  const slide = draft.slides[selected] as SlideDraft;

  const edit = (slides: SlideDraft[], nextSelected = selected) => {
    const onScreen = editing.onScreen === undefined ? undefined : slides.findIndex((s) => s.key === draft.slides[editing.onScreen as number]?.key);
    setEditing({ ...editing, draft: { ...draft, slides }, selected: Math.max(0, Math.min(slides.length - 1, nextSelected)), onScreen: onScreen === -1 ? editing.onScreen : onScreen });
    setMessage(null);
  };

  const remember = (deck: Deck, id?: string) => {
    const result = rememberDeck(browserDeckStore(), deck, id);
    if (result.ok) setRemembered(result);
  };

  const save = () => {
    if (!built.ok) {
      setEditing({ ...editing, selected: built.slide });
      return setMessage({ kind: 'error', text: built.error });
    }
    const state = store.getState();
    const id = target === 'current' ? rememberedIdOf(state.deck) : undefined;
    if (target === 'current' && state.deck) applyEditedDeck(store, built.deck, editing.onScreen ?? selected);
    else state.openDeck(built.deck, { name: null, slide: selected });
    remember(built.deck, id);
    onClose();
  };

  const open = (deck: Deck) => {
    store.getState().openDeck(deck, { name: null });
    onClose();
  };

  const importFile = async (file: File) => {
    const refuse = (text: string) => setMessage({ kind: 'error', text: `${file.name}: ${text}` });
    if (file.size > MAX_DECK_FILE_BYTES) return refuse(`too large to be a deck (${(file.size / 1e6).toFixed(1)} MB).`);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse('the file could not be read.');
    }
    const parsed = parseDeckFile(text);
    if (!parsed.ok) return refuse(`${parsed.error} Nothing was changed.`);
    remember(parsed.deck);
    open(parsed.deck);
  };

  const forget = (entry: RememberedDeck) => {
    setRemembered(forgetDeck(browserDeckStore(), entry.id));
    setMessage({ kind: 'status', text: `Deleted “${entry.deck.title}” from this browser.` });
  };

  const exportFile = () => {
    if (!built.ok) return setMessage({ kind: 'error', text: built.error });
    downloadText(deckFileName(built.deck.title), deckFileText(built.deck));
    setMessage({ kind: 'status', text: `Exported as ${deckFileName(built.deck.title)}.` });
  };

  const startNew = () => {
    setEditing({ draft: newDraft(store.getState()), selected: 0, target: 'new' });
    setMessage({ kind: 'status', text: 'A new deck with one slide of the current formula: add slides, then save.' });
  };

  return (
    <Dialog title={target === 'new' ? 'New deck' : 'Edit deck'} onClose={onClose} testId="deck-editor">
      <DeckLibrary remembered={remembered} open={start === 'new'}
        onOpen={(entry) => open(entry.deck)} onForget={forget} onImport={(file) => void importFile(file)} onNew={startNew} />
      {message && (
        <p className={message.kind === 'error' ? 'error-message deck-editor-message' : 'hint deck-editor-message'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="deck-editor.message">
          {message.text}
        </p>
      )}
      <label className="deck-field deck-title">
        <span>Deck title</span>
        <input type="text" value={draft.title} maxLength={4000} onChange={(e) => {
          setEditing({ ...editing, draft: { ...draft, title: e.target.value } });
          setMessage(null);
        }} data-testid="deck-editor.title" />
      </label>
      <div className="deck-editor-panes">
        <SlideList draft={draft} selected={selected} onSelect={(i) => setEditing({ ...editing, selected: i })}
          onMove={(by) => edit(moveSlide(draft.slides, selected, by), selected + by)}
          onDuplicate={() => edit(duplicateSlide(draft.slides, selected), selected + 1)}
          onDelete={() => edit(removeSlide(draft.slides, selected))}
          onAddCurrent={() => edit(insertSlide(draft.slides, selected + 1, slideFromApp(store.getState(), true)), selected + 1)} />
        <SlideForm key={slide.key} slide={slide} number={selected + 1} onChange={(change) => edit(updateSlide(draft.slides, selected, change))}
          currentSource={appSource !== slide.source ? appSource : undefined} />
      </div>
      <div className="deck-editor-actions">
        <button type="button" onClick={exportFile} data-testid="deck-editor.export">Export .deck.json</button>
        {built.ok ? deckLink?.(built.deck, selected) : <span className="hint">Fix slide {built.slide + 1} for a link.</span>}
        <span className="deck-editor-spacer" />
        <button type="button" onClick={onClose} data-testid="deck-editor.cancel">Cancel</button>
        <button type="button" className="primary" onClick={save} data-testid="deck-editor.save">{target === 'new' ? 'Save and open' : 'Save'}</button>
      </div>
    </Dialog>
  );
}
