import type { RememberedDeck, Remembered } from '../state/deck-storage.ts';

interface DeckLibraryProps {
  readonly remembered: Remembered;
  readonly onOpen: (entry: RememberedDeck) => void;
  readonly onForget: (entry: RememberedDeck) => void;
  readonly onImport: (file: File) => void;
  readonly onNew: () => void;
  readonly open: boolean;
}

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The decks this browser remembers, a new one, or one from a file. */
export function DeckLibrary({ remembered, onOpen, onForget, onImport, onNew, open }: DeckLibraryProps) {
  const decks = remembered.ok ? remembered.decks : [];
  return (
    <details className="deck-library" open={open} data-testid="deck-editor.library">
      <summary>My decks{decks.length ? ` (${decks.length})` : ''}</summary>
      <div className="deck-library-actions">
        <button type="button" onClick={onNew} data-testid="deck-editor.new">New deck</button>
        <label className="deck-file-button">
          <span>Import a .deck.json file…</span>
          <input type="file" accept=".json,application/json" onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onImport(file);
          }} data-testid="deck-editor.import" />
        </label>
      </div>
      {remembered.ok ? (
        decks.length ? (
          <ul className="deck-library-list" data-testid="deck-editor.remembered">
            {decks.map((entry) => (
              <li key={entry.id}>
                <span className="deck-library-title">{entry.deck.title || 'Untitled deck'}</span>
                <span className="hint"> {entry.deck.slides.length} slides · saved {when(entry.savedAt)}</span>
                <button type="button" onClick={() => onOpen(entry)} data-testid="deck-editor.open-remembered">Open</button>
                <button type="button" onClick={() => onForget(entry)} aria-label={`Delete “${entry.deck.title}” from this browser`} data-testid="deck-editor.forget">Delete</button>
              </li>
            ))}
          </ul>
        ) : <p className="hint">No decks yet: a deck you save is remembered in this browser.</p>
      ) : <p className="hint" data-testid="deck-editor.not-remembered">{remembered.reason}</p>}
    </details>
  );
}
