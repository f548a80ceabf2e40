import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FIRST_EXAMPLE } from './core/index.ts';
import { startBridge } from './embed/bridge.ts';
import { OpenInFull } from './embed/OpenInFull.tsx';
import { ShareMenu } from './embed/ShareMenu.tsx';
import { parseUrlState, pinnedOrigin } from './embed/url-state.ts';
import { startUrlSync } from './embed/url-sync.ts';
import { initAppStore } from './state/store.ts';
import { App } from './ui/App.tsx';
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
});
startUrlSync(store, window, url.origin);
// An `origin=` that is not an exact origin pins the API to nothing: fail closed rather than open.
const origin = url.origin === null ? undefined : pinnedOrigin(url.origin);
if (origin !== null) startBridge(store, window, origin === undefined ? {} : { origin });

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App store={store} share={<ShareMenu />} openInFull={<OpenInFull />} embedView={url.view} /></StrictMode>);
