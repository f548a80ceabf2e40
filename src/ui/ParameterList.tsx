import { describeShape } from '../core/index.ts';
import type { InputRole } from '../state/training-session.ts';
import { useAppStore } from './store-context.ts';

/** Every input with a box to train it: ticked ones are parameters, the rest stay as they are (data, or fixed). */
export function ParameterList({ roles }: { roles: readonly InputRole[] }) {
  const store = useAppStore();
  if (roles.length === 0) return <p className="hint">This formula has no inputs to train.</p>;
  return (
    <fieldset className="train-params" data-testid="train.params">
      <legend>Parameters to train</legend>
      {roles.map((r) => (
        <label key={r.node} className="train-param" data-testid={`train.param.${r.name}`}>
          <input type="checkbox" checked={r.parameter} onChange={(e) => store.getState().setTrainParameter(r.name, e.target.checked)} />
          <span className="train-param-name">{r.name}</span>
          <span className="train-param-role">{r.parameter ? describeShape(r.shape) : r.data ? 'data' : 'fixed'}</span>
        </label>
      ))}
    </fieldset>
  );
}
