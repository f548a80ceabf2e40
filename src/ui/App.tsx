import { useEffect } from 'react';
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

function Shell() {
  const theme = useApp((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Backprop circuits</h1>
        <p className="tagline">Values flow forward in green, gradients flow back in red.</p>
        <Toolbar />
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

export function App({ store }: { store: AppStore }) {
  useKeyboard(store);
  usePlayback(store);
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}
