import { useEffect, useState } from 'react';
import { explainStep } from '../core/index.ts';
import { stopsOf } from '../state/deck-slice.ts';
import { CircuitPanel } from './CircuitPanel.tsx';
import { ExplanationPanel } from './ExplanationPanel.tsx';
import { useApp } from './store-context.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
};

function Timer() {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="presenter-timer" data-testid="presenter.timer">
      <span aria-label="Time since the start">{clock(now - start)}</span>
      <button type="button" onClick={() => { setStart(Date.now()); setNow(Date.now()); }} data-testid="presenter.timer-reset">Restart</button>
    </p>
  );
}

/** What the next press of the clicker shows: the next stop of this slide, or the next slide. */
function NextUp() {
  const deck = useApp((s) => s.deck);
  const slide = useApp((s) => s.slide);
  const step = useApp((s) => s.step);
  const model = useApp((s) => s.model);
  if (!deck || !model) return null;
  const next = stopsOf(deck.slides[slide], model.schedule.last).find((s) => s > step);
  const text = next !== undefined
    ? `Step ${next}: ${explainStep(model.tape, model.schedule, next).title}`
    : slide + 1 < deck.slides.length ? `Next slide: ${deck.slides[slide + 1]?.title ?? ''}` : 'The end of the deck.';
  return <p className="presenter-next" data-testid="presenter.next"><strong>Next:</strong> {text}</p>;
}

/** The presenter's window: drives the audience's window, and shows what only the presenter should see. */
export function PresenterLayout() {
  const deck = useApp((s) => s.deck);
  const slideIndex = useApp((s) => s.slide);
  const goToSlide = useApp((s) => s.goToSlide);
  const advance = useApp((s) => s.advance);
  const nextOrReveal = useApp((s) => s.nextOrReveal);
  const retreat = useApp((s) => s.retreat);
  const blank = useApp((s) => s.blank);
  const setBlank = useApp((s) => s.setBlank);
  const slide = deck?.slides[slideIndex];
  return (
    <div className="app presenter" data-testid="presenter">
      <header className="presenter-bar">
        <h1>Presenter{deck ? ` · slide ${slideIndex + 1} of ${deck.slides.length}` : ''}</h1>
        <div className="presenter-drive" role="group" aria-label="Drive the audience's window">
          <button type="button" onClick={retreat} data-testid="presenter.prev">◀ Back</button>
          <button type="button" onClick={() => nextOrReveal(advance)} data-testid="presenter.advance">Next ▶</button>
          <button type="button" aria-pressed={blank} onClick={() => setBlank(!blank)} data-testid="presenter.blank">{blank ? 'Show screen' : 'Blank screen (B)'}</button>
        </div>
        <Timer />
      </header>
      <nav className="presenter-slides" aria-label="Slides">
        <ol>
          {deck?.slides.map((s, i) => (
            <li key={i}>
              <button type="button" aria-current={i === slideIndex ? 'true' : undefined} onClick={() => goToSlide(i)} data-testid={`presenter.slide.${i + 1}`}>{s.title || 'Untitled'}</button>
            </li>
          ))}
        </ol>
      </nav>
      <main className="presenter-stage">
        <CircuitPanel />
        <ExplanationPanel />
      </main>
      <aside className="presenter-notes" aria-label="Speaker notes">
        <NextUp />
        {slide?.notice && <p className="presenter-notice">{slide.notice}</p>}
        <h2>Notes</h2>
        <p data-testid="presenter.notes">{slide?.notes || 'No notes for this slide.'}</p>
      </aside>
    </div>
  );
}
