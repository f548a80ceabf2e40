import { useId } from 'react';
import type { SlideView } from '../core/index.ts';
import { parseStops, type SlideDraft } from './deck-draft.ts';
import { checkSlide, describeError } from './slide-check.ts';

const MAX_TEXT = 4000;
const VIEW_OPTIONS: readonly [keyof SlideView, string][] = [
  ['expand', 'Expand σ'], ['scalars', 'As scalars'], ['check', 'Gradient check open'], ['code', 'Gate code shown'], ['train', 'Training open'],
];
const sentence = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}.`;

interface SlideFormProps {
  readonly slide: SlideDraft;
  readonly number: number;
  readonly onChange: (change: Partial<Omit<SlideDraft, 'key'>>) => void;
  /** The formula in the app's editor, when it differs from this slide's: offered as a replacement. */
  readonly currentSource?: string;
}

/** One slide's fields: what the audience sees (title, formula, what to notice), the presenter's notes, and how it runs. */
export function SlideForm({ slide, number, onChange, currentSource }: SlideFormProps) {
  const id = useId();
  const check = checkSlide(slide.source, slide.view);
  const stops = parseStops(slide.stops, check.ok ? check.last : undefined);
  const stopsText = stops.ok ? (stops.stops.length ? `Stops at ${stops.stops.length}${check.ok ? ` of ${check.last + 1}` : ''} step${stops.stops.length === 1 && !check.ok ? '' : 's'}.` : 'Stops at every step.') : sentence(stops.error);
  return (
    <fieldset className="slide-form" data-testid="deck-editor.slide">
      <legend>Slide {number}</legend>
      <label className="deck-field">
        <span>Title</span>
        <input type="text" value={slide.title} maxLength={MAX_TEXT} onChange={(e) => onChange({ title: e.target.value })} data-testid="deck-editor.slide-title" />
      </label>
      <div className="deck-field">
        <label htmlFor={`${id}-stops`}>Stops <span className="hint">(steps the clicker stops at, e.g. 0, 3, 5; empty: every step)</span></label>
        <input id={`${id}-stops`} type="text" value={slide.stops} className={stops.ok ? '' : 'invalid'} aria-invalid={!stops.ok} aria-describedby={`${id}-stops-status`}
          onChange={(e) => onChange({ stops: e.target.value })} data-testid="deck-editor.slide-stops" />
        <p id={`${id}-stops-status`} className={stops.ok ? 'hint' : 'error-message'} data-testid="deck-editor.stops-status">{stopsText}</p>
      </div>
      <div className="deck-field wide">
        <label htmlFor={`${id}-source`}>Formula</label>
        <textarea id={`${id}-source`} className={`slide-source${check.ok ? '' : ' invalid'}`} value={slide.source} rows={Math.min(9, Math.max(3, slide.source.split('\n').length))}
          spellCheck={false} aria-invalid={!check.ok} aria-describedby={`${id}-source-status`} onChange={(e) => onChange({ source: e.target.value })} data-testid="deck-editor.slide-source" />
        <p id={`${id}-source-status`} className={check.ok ? 'hint' : 'error-message'} data-testid="deck-editor.slide-error">
          {check.ok ? `Compiles: steps 0 to ${check.last}.` : `⚠ ${describeError(check.error)}. The deck can still be saved; this slide is marked ⚠.`}
          {currentSource !== undefined && (
            <button type="button" className="deck-link-button" onClick={() => onChange({ source: currentSource })} data-testid="deck-editor.use-current">
              Use the formula from the app’s editor
            </button>
          )}
        </p>
      </div>
      <label className="deck-field">
        <span>What to notice <span className="hint">(shown with the slide)</span></span>
        <textarea value={slide.notice} rows={3} maxLength={MAX_TEXT} onChange={(e) => onChange({ notice: e.target.value })} data-testid="deck-editor.slide-notice" />
      </label>
      <label className="deck-field">
        <span>Speaker notes <span className="hint">(presenter’s window only)</span></span>
        <textarea value={slide.notes} rows={3} maxLength={MAX_TEXT} onChange={(e) => onChange({ notes: e.target.value })} data-testid="deck-editor.slide-notes" />
      </label>
      <div className="slide-view wide" role="group" aria-label="How the slide opens">
        <span>Opens with</span>
        {VIEW_OPTIONS.map(([key, label]) => (
          <label key={key} className="check">
            <input type="checkbox" checked={slide.view[key] ?? false} onChange={(e) => onChange({ view: { ...slide.view, [key]: e.target.checked } })} data-testid={`deck-editor.view-${key}`} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
