import { useEffect, type ReactNode } from 'react';
import type { AppStore } from '../state/store.ts';
import { CircuitPanel } from './CircuitPanel.tsx';
import { Editor } from './Editor.tsx';
import { EmbedLayout, type EmbedView } from './EmbedLayout.tsx';
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
  /** The embed's display options from its link. */
  embedView?: EmbedView;
}

export type { EmbedView };

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

function Shell(slots: AppSlots) {
  const theme = useApp((s) => s.theme);
  const embed = useApp((s) => s.embed);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.classList.toggle('embedded', embed);
  }, [embed]);
  return embed ? <EmbedLayout openInFull={slots.openInFull} view={slots.embedView} /> : <FullLayout {...slots} />;
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
