import { useState } from 'react';
import { DeckEditor, type DeckLinkSlot } from './DeckEditor.tsx';
import { useApp } from './store-context.ts';

/** In the deck bar: edit this deck, and show or hide the current gate's code beside the circuit. */
export function EditDeckButton({ deckLink }: { deckLink?: DeckLinkSlot }) {
  const [open, setOpen] = useState(false);
  const showCode = useApp((s) => s.showCode);
  const setShowCode = useApp((s) => s.setShowCode);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Edit this deck’s slides, titles, notes and stops; export it or copy its link" data-testid="deck.edit">Edit deck</button>
      <label className="check deck-code-toggle" title="The current gate’s forward() and backward() as code, beside the explanation">
        <input type="checkbox" checked={showCode} onChange={(e) => setShowCode(e.target.checked)} data-testid="deck.code" />
        <span>Code</span>
      </label>
      {open && <DeckEditor start="current" onClose={() => setOpen(false)} deckLink={deckLink} />}
    </>
  );
}

/** In the header, beside "Lecture deck": the decks this browser remembers, a new deck, or one from a file. */
export function MyDecksButton({ deckLink }: { deckLink?: DeckLinkSlot }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="deck-mine" onClick={() => setOpen(true)} title="Your decks: make a new one, open one remembered in this browser, or import a .deck.json file" data-testid="deck.mine">My decks</button>
      {open && <DeckEditor start="new" onClose={() => setOpen(false)} deckLink={deckLink} />}
    </>
  );
}
