import { useEffect, type ReactNode } from 'react';
import type { AppStore } from '../state/store.ts';
import { DeckBar, DeckButton } from './DeckBar.tsx';
import { CircuitOrTable } from './DisplaySwitch.tsx';
import type { DeckLinkSlot } from './DeckEditor.tsx';
import { EditDeckButton, MyDecksButton } from './DeckEditorButtons.tsx';
import { ExportButton } from './ExportDialog.tsx';
import { Editor } from './Editor.tsx';
import { EmbedLayout, type EmbedView } from './EmbedLayout.tsx';
import { WithGateCode } from './GateCodePanel.tsx';
import { GradCheckPanel } from './GradCheckPanel.tsx';
import { InputsPanel } from './InputsPanel.tsx';
import { PresenterLayout } from './PresenterLayout.tsx';
import { PresentLayout } from './PresentLayout.tsx';
import { QuizBox } from './QuizBox.tsx';
import { QuizGuardedExplanation } from './QuizGuardedExplanation.tsx';
import { StepControls } from './StepControls.tsx';
import { StoreContext, useApp } from './store-context.ts';
import { Toolbar } from './Toolbar.tsx';
import { TrainPanel } from './TrainPanel.tsx';
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
  /** Opens the presenter's window (it needs the link and window code of the layer above). */
  presenterButton?: ReactNode;
  /** A deck's link with a copy button, for the deck editor. */
  deckLink?: DeckLinkSlot;
}

export type { EmbedView };

function FullLayout({ share, presenterButton, deckLink }: AppSlots) {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Backprop circuits</h1>
        <p className="tagline">Values flow forward <span className="tagline-value">above the wires</span>, gradients flow back <span className="tagline-grad">below them</span>.</p>
        <Toolbar />
        <div className="header-actions">
          <DeckButton />
          <MyDecksButton deckLink={deckLink} />
          <ExportButton />
          {share}
        </div>
      </header>
      <aside className="sidebar">
        <Editor />
        <InputsPanel />
        <GradCheckPanel />
        <TrainPanel />
      </aside>
      <main className="stage">
        <DeckBar>{presenterButton}<EditDeckButton deckLink={deckLink} /></DeckBar>
        <StepControls />
        <CircuitOrTable />
        <QuizBox />
        <WithGateCode><QuizGuardedExplanation /></WithGateCode>
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
  const present = useApp((s) => s.present);
  const presenterWindow = useApp((s) => s.presenterWindow);
  if (embed) return present ? <PresentLayout /> : <EmbedLayout openInFull={slots.openInFull} view={slots.embedView} />;
  if (presenterWindow) return <PresenterLayout />;
  return present ? <PresentLayout presenterButton={slots.presenterButton} /> : <FullLayout {...slots} />;
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
