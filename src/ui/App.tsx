import { useEffect, type ReactNode } from 'react';
import type { AppStore } from '../state/store.ts';
import { CircuitPanel } from './CircuitPanel.tsx';
import { Editor } from './Editor.tsx';
import { ExplanationPanel } from './ExplanationPanel.tsx';
import { GradCheckPanel } from './GradCheckPanel.tsx';
import { InputsPanel } from './InputsPanel.tsx';
import { StepControls } from './StepControls.tsx';
import { StoreContext, useApp } from './store-context.ts';
import { Toolbar } from './Toolbar.tsx';
import { useKeyboard } from './use-keyboard.ts';
import { usePlayback } from './use-playback.ts';

/** Pieces the sharing code provides (it sits above the UI in the import order, so they come in as props). */
export interface AppSlots {
  /** The full app's "Share" menu. */
  share?: ReactNode;
  /** The embed's "open in full app" link. */
  openInFull?: ReactNode;
}

function FullLayout({ share }: AppSlots) {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Backprop circuits</h1>
        <p className="tagline">Values flow forward in green, gradients flow back in red.</p>
        <Toolbar />
        {share}
      </header>
      <aside className="sidebar">
        <Editor />
        <InputsPanel />
        <GradCheckPanel />
      </aside>
      <main className="stage">
        <StepControls />
        <CircuitPanel />
        <ExplanationPanel />
      </main>
    </div>
  );
}

/** Inside an iframe: the circuit fills the frame under the step controls; other panels only when the link asks. */
function EmbedLayout({ openInFull }: AppSlots) {
  const panels = useApp((s) => s.panels);
  const error = useApp((s) => s.error);
  const side = panels.editor || panels.inputs;
  return (
    <div className={`app embed${side ? ' with-side' : ''}`} data-testid="embed">
      <div className="embed-bar">
        <StepControls />
        {openInFull}
      </div>
      {side && (
        <aside className="sidebar">
          {panels.editor && <Editor />}
          {panels.inputs && <InputsPanel />}
        </aside>
      )}
      <main className="stage">
        <CircuitPanel />
        {panels.explain && <ExplanationPanel />}
        {error && !panels.editor && (
          <p className="error-message embed-error" role="alert" data-testid="embed.error">
            Line {error.line}, column {error.column}: {error.message}
          </p>
        )}
      </main>
    </div>
  );
}

function Shell(slots: AppSlots) {
  const theme = useApp((s) => s.theme);
  const embed = useApp((s) => s.embed);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.classList.toggle('embedded', embed);
  }, [embed]);
  return embed ? <EmbedLayout {...slots} /> : <FullLayout {...slots} />;
}

export function App({ store, ...slots }: { store: AppStore } & AppSlots) {
  useKeyboard(store);
  usePlayback(store);
  return (
    <StoreContext.Provider value={store}>
      <Shell {...slots} />
    </StoreContext.Provider>
  );
}
