import type { DeckDraft } from './deck-draft.ts';
import { checkSlide } from './slide-check.ts';

interface SlideListProps {
  readonly draft: DeckDraft;
  readonly selected: number;
  readonly onSelect: (i: number) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onDuplicate: () => void;
  readonly onDelete: () => void;
  readonly onAddCurrent: () => void;
}

/** The deck's slides in order, a broken formula marked ⚠, with the selected slide's moves below. */
export function SlideList({ draft, selected, onSelect, onMove, onDuplicate, onDelete, onAddCurrent }: SlideListProps) {
  const count = draft.slides.length;
  return (
    <div className="slide-list">
      <ol aria-label="Slides" data-testid="deck-editor.slides">
        {draft.slides.map((s, i) => {
          const broken = !checkSlide(s.source, s.view).ok;
          return (
            <li key={s.key}>
              <button type="button" aria-current={i === selected} onClick={() => onSelect(i)} className={broken ? 'broken' : undefined}
                title={broken ? 'This slide’s formula does not compile' : undefined} data-testid={`deck-editor.slide-${i + 1}`}>
                <span className="slide-number">{i + 1}.</span> {s.title.trim() || 'Untitled'}{broken && <span className="slide-broken" aria-label="(formula has an error)"> ⚠</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="slide-moves" role="group" aria-label={`Slide ${selected + 1}`}>
        <button type="button" onClick={() => onMove(-1)} disabled={selected === 0} aria-label="Move the slide up" title="Move up" data-testid="deck-editor.up">↑</button>
        <button type="button" onClick={() => onMove(1)} disabled={selected + 1 >= count} aria-label="Move the slide down" title="Move down" data-testid="deck-editor.down">↓</button>
        <button type="button" onClick={onDuplicate} data-testid="deck-editor.duplicate">Duplicate</button>
        <button type="button" onClick={onDelete} disabled={count <= 1} data-testid="deck-editor.delete">Delete</button>
      </div>
      <button type="button" className="slide-add" onClick={onAddCurrent} title="A new slide after this one with the app’s formula, its view, and the current step as a stop" data-testid="deck-editor.add-current">
        + Add the current formula
      </button>
    </div>
  );
}
