import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FIRST_EXAMPLE } from './core/index.ts';
import { startBridge } from './embed/bridge.ts';
import { OpenInFull } from './embed/OpenInFull.tsx';
import { DeckLinkField } from './embed/DeckLinkField.tsx';
import { PresenterButton } from './embed/PresenterButton.tsx';
import { startPresenterSync } from './embed/presenter-sync.ts';
import { ShareMenu } from './embed/ShareMenu.tsx';
import { parseUrlState, pinnedOrigin } from './embed/url-state.ts';
import { startUrlSync } from './embed/url-sync.ts';
import { initAppStore } from './state/store.ts';
import { App } from './ui/App.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import type { DeckLinkSlot } from './ui/DeckEditor.tsx';
import { TypesetContext } from './ui/typeset-context.ts';
import './styles.css';

const url = parseUrlState(window.location.search);
const store = initAppStore({
  source: url.source ?? FIRST_EXAMPLE.source,
  step: url.step ?? 0,
  expandSigmoid: url.expand ?? false,
  asScalars: url.scalars ?? false,
  theme: url.theme ?? 'light',
  showGradCheck: url.check ?? false,
  embed: url.embed,
  panels: url.panels,
  quiz: url.quiz ?? false,
  display: url.display ?? 'circuit',
});
if (url.deck) {
  store.getState().openDeck(url.deck.deck, { name: url.deck.name, slide: (url.slide ?? 1) - 1, step: url.step ?? 'first' });
  // A slide edited since the link was made carries its own formula.
  if (url.source !== null && url.source !== store.getState().source) store.getState().setSource(url.source, url.step ?? 0);
}
if (url.presenter !== null) {
  store.getState().setPresenterWindow(true);
  startPresenterSync(store, url.presenter, 'presenter');
} else if (url.present) store.getState().setPresent(true);
startUrlSync(store, window, url.origin);
// An `origin=` that is not an exact origin pins the API to nothing: fail closed rather than open.
const origin = url.origin === null ? undefined : pinnedOrigin(url.origin);
if (origin !== null) startBridge(store, window, origin === undefined ? {} : { origin });

const deckLink: DeckLinkSlot = (deck, slide) => <DeckLinkField deck={deck} slide={slide} />;
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary formula={() => store.getState().source}>
        <TypesetContext value={url.typeset}>
          <App store={store} share={<ShareMenu />} openInFull={<OpenInFull />} embedView={url.view} presenterButton={<PresenterButton />} deckLink={deckLink} />
        </TypesetContext>
      </ErrorBoundary>
    </StrictMode>,
  );
}
