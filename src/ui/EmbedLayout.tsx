import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { CircuitOrTable, DisplaySwitch } from './DisplaySwitch.tsx';
import { Editor } from './Editor.tsx';
import { InputsPanel } from './InputsPanel.tsx';
import { QuizBox } from './QuizBox.tsx';
import { QuizGuardedExplanation } from './QuizGuardedExplanation.tsx';
import { StepControls } from './StepControls.tsx';
import { useApp } from './store-context.ts';

/** How an embed draws the circuit and its inputs, from its link (`legend=0`, `zoom=0`, `readonly=1`). */
export interface EmbedView {
  readonly legend: boolean;
  readonly zoom: boolean;
  /** The inputs are shown but cannot be changed by the reader (a host page may still set them). */
  readonly readOnly: boolean;
  /** `view=`: the switch between the drawing and the table of wires is offered (it is not, unless asked for). */
  readonly displaySwitch?: boolean;
}

type Tab = 'circuit' | 'formula' | 'inputs' | 'explain';
const TAB_NAMES: Record<Tab, string> = { circuit: 'Circuit', formula: 'Formula', inputs: 'Inputs', explain: 'Explain' };

/**
 * Below this frame size the panels take turns in the circuit's place, chosen by a tab strip under the step bar;
 * from it up they sit beside (formula, inputs) and below (explanation) the circuit. The height reported to the
 * host never asks a frame this wide to be shorter than this, so obeying it cannot flip the arrangement back.
 */
export const SIDE_BY_SIDE_FROM = { width: 600, height: 380 } as const;
const TABBED_QUERY = `(max-width: ${SIDE_BY_SIDE_FROM.width - 1}px), (max-height: ${SIDE_BY_SIDE_FROM.height - 1}px)`;

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}

const withQuiz = <T extends { className: string }>(props: T, quiz: boolean): T => (quiz ? { ...props, className: `${props.className} with-quiz` } : props);

/** Where there is no circuit to draw, the frame says why instead of showing an empty canvas. */
function NoCircuit({ onEdit }: { onEdit?: () => void }) {
  const error = useApp((s) => s.error);
  if (!error) return null;
  return (
    <div className="embed-no-circuit" role="alert" data-testid="embed.error">
      <p className="embed-no-circuit-title">This formula has an error, so there is no circuit to show.</p>
      <p className="error-message">
        <span className="error-where">Line {error.line}, column {error.column}:</span> {error.message}
      </p>
      {onEdit && <button type="button" onClick={onEdit} data-testid="embed.edit-formula">Edit the formula</button>}
    </div>
  );
}

/**
 * Inside an iframe: the circuit fills the frame under the step bar; other panels only when the link asks. Every
 * panel stays mounted in both arrangements, so crossing the size threshold keeps the view and what was typed.
 */
export function EmbedLayout({ openInFull, view }: { openInFull?: ReactNode; view?: EmbedView }) {
  const panels = useApp((s) => s.panels);
  const error = useApp((s) => s.error);
  const hasModel = useApp((s) => s.model !== null);
  const quiz = useApp((s) => s.quiz) && hasModel;
  const [chosen, setTab] = useState<Tab>('circuit');
  const narrow = useMediaQuery(TABBED_QUERY);
  // Without a circuit (the link's formula does not compile) the inputs and the explanation have nothing to say.
  const inputs = panels.inputs && hasModel;
  const explain = panels.explain && hasModel;
  const tabs: Tab[] = ['circuit', ...(panels.editor ? ['formula' as const] : []), ...(inputs ? ['inputs' as const] : []), ...(explain ? ['explain' as const] : [])];
  const tabbed = narrow && tabs.length > 1;
  const tab = tabs.includes(chosen) ? chosen : 'circuit';
  const side = panels.editor || inputs;
  const { legend = true, zoom = true, readOnly = false, displaySwitch = false } = view ?? {};

  const pane = (t: Tab) => (tabbed
    ? { id: `embed-pane-${t}`, role: 'tabpanel', 'aria-labelledby': `embed-tab-${t}`, className: `embed-pane pane-${t}${t === tab ? ' active' : ''}`, 'data-testid': `embed.pane.${t}` }
    : { className: `embed-pane pane-${t} active`, 'data-testid': `embed.pane.${t}` });
  const classes = ['app', 'embed', side && 'with-side', tabbed ? 'tabbed' : 'side-by-side', !legend && 'no-legend', !zoom && 'no-zoom'];

  return (
    <div className={classes.filter(Boolean).join(' ')} data-testid="embed" data-layout={tabbed ? 'tabs' : 'side'}>
      <div className="embed-bar" data-testid="embed.bar">
        <StepControls />
        {displaySwitch && hasModel && <DisplaySwitch />}
        {openInFull}
      </div>
      {tabbed && (
        <div className="embed-tabs" role="tablist" aria-label="Panels" data-testid="embed.tabs">
          {tabs.map((t) => (
            <button
              key={t} type="button" role="tab" id={`embed-tab-${t}`} aria-controls={`embed-pane-${t}`} aria-selected={t === tab}
              className={t === 'formula' && error ? 'has-error' : undefined} data-testid={`embed.tab.${t}`} onClick={() => setTab(t)}
            >
              {TAB_NAMES[t]}
              {t === 'formula' && error && <span className="tab-error" title="The formula has an error"> ⚠<span className="visually-hidden">, has an error</span></span>}
            </button>
          ))}
        </div>
      )}
      {side && (
        <aside className="sidebar" data-testid="embed.side">
          {panels.editor && <div {...pane('formula')}><Editor /></div>}
          {inputs && <div {...pane('inputs')}><InputsPanel readOnly={readOnly} /></div>}
        </aside>
      )}
      <main className="stage" data-testid="embed.stage">
        <div {...withQuiz(pane('circuit'), quiz)}>
          <CircuitOrTable />
          {!hasModel && <NoCircuit {...(panels.editor && tabbed ? { onEdit: () => setTab('formula') } : {})} />}
          {/* Under the circuit, never in a tab of its own: the student answers while looking at the `?`. */}
          {quiz && <QuizBox compact />}
        </div>
        {explain && <div {...pane('explain')}><QuizGuardedExplanation /></div>}
        {error && hasModel && !panels.editor && (
          <p className="error-message embed-error" role="alert" data-testid="embed.error">
            Line {error.line}, column {error.column}: {error.message}
          </p>
        )}
      </main>
    </div>
  );
}
