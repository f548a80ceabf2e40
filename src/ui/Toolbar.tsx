import { EXAMPLES } from '../core/index.ts';
import { MAX_AS_SCALARS_GATES } from '../state/model.ts';
import type { Theme } from '../state/store.ts';
import { DisplaySwitch } from './DisplaySwitch.tsx';
import { useApp } from './store-context.ts';

export function Toolbar() {
  const setSource = useApp((s) => s.setSource);
  const source = useApp((s) => s.source);
  const expand = useApp((s) => s.expandSigmoid);
  const setExpand = useApp((s) => s.setExpandSigmoid);
  const asScalars = useApp((s) => s.asScalars);
  const setAsScalars = useApp((s) => s.setAsScalars);
  const tensor = useApp((s) => s.model?.compiled.tensor ?? false);
  const softmax = useApp((s) => s.model?.compiled.nodes.some((n) => n.op === 'softmax') ?? false);
  const refused = useApp((s) => s.model?.asScalarsRefused);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  const quiz = useApp((s) => s.quiz);
  const setQuiz = useApp((s) => s.setQuiz);
  const current = EXAMPLES.find((e) => e.source === source)?.id ?? '';
  return (
    <div className="toolbar">
      <DisplaySwitch />
      <label>
        <span>Example</span>
        <select value={current} onChange={(e) => {
          const example = EXAMPLES.find((x) => x.id === e.target.value);
          if (example) setSource(example.source, 0);
        }} data-testid="toolbar.example">
          {current === '' && <option value="">(your formula)</option>}
          {EXAMPLES.map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={expand} onChange={(e) => setExpand(e.target.checked)} data-testid="toolbar.expand" />
        <span>{softmax ? 'Expand σ and softmax into their gates' : 'Expand σ into *-1, exp, +1, 1/x'}</span>
      </label>
      {tensor && (
        <label className="check" title={refused ? `Too large to show as scalars: it would take ${refused.toLocaleString('en-US')} gates (at most ${MAX_AS_SCALARS_GATES.toLocaleString('en-US')}).` : 'Show every element as its own wire, as the scalar circuit it stands for'}>
          <input type="checkbox" checked={asScalars && !refused} disabled={!!refused} onChange={(e) => setAsScalars(e.target.checked)} data-testid="toolbar.as-scalars" />
          <span>As scalars{refused ? ' (too large)' : ''}</span>
        </label>
      )}
      <label className="check" title="Predict and reveal: each value and gradient is a ? until you answer it">
        <input type="checkbox" checked={quiz} onChange={(e) => setQuiz(e.target.checked)} data-testid="toolbar.quiz" />
        <span>Quiz</span>
      </label>
      <label>
        <span>Theme</span>
        <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} data-testid="toolbar.theme">
          <option value="light">Light</option>
          <option value="dark">Dark</option>
          <option value="projector">Projector</option>
        </select>
      </label>
    </div>
  );
}
