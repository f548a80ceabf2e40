import { useApp } from '../ui/store-context.ts';
import { linkFor } from './share.ts';

/** The embed's way out: the same view in the full app, in a new tab that cannot reach back into this page. */
export function OpenInFull() {
  const href = useApp((s) => linkFor(s, window.location.href));
  return (
    <a className="open-full" href={href} target="_blank" rel="noopener noreferrer" title="Open this circuit in the full app (new tab)" data-testid="embed.open-full">
      <span className="open-full-text">Full app</span><span aria-hidden="true"> ↗</span>
    </a>
  );
}
