import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CrashNotice, ErrorBoundary } from './ErrorBoundary.tsx';

const HOSTILE = 'x = 1 # <img src=x onerror=alert(1)>\nf = x';

describe('the error boundary', () => {
  it('keeps the error and shows the notice with the formula read at that moment, instead of its children', () => {
    let formula = 'f = 1';
    const boundary = new ErrorBoundary({ formula: () => formula, children: <p>the app</p> });
    expect(renderToString(boundary.render())).toBe('<p>the app</p>');
    boundary.state = { ...boundary.state, ...ErrorBoundary.getDerivedStateFromError(new Error('boom')) };
    formula = HOSTILE;
    const html = renderToString(boundary.render());
    expect(html).toContain('Something went wrong');
    expect(html).toContain('x = 1 # &lt;img src=x onerror=alert(1)&gt;\nf = x');
    expect(html).toContain('<pre data-testid="crash.error">boom</pre>');
    expect(ErrorBoundary.getDerivedStateFromError('not an Error')).toEqual({ error: 'not an Error' });
  });

  it('gives the formula as text in a read-only field, with a way to copy it and to reload', () => {
    const html = renderToString(<CrashNotice formula={HOSTILE} error="<b>boom</b>" />);
    expect(html).toMatch(/<textarea[^>]*readOnly=""[^>]*aria-label="Your formula"[^>]*>x = 1 # &lt;img/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('>Copy formula</button>');
    expect(html).toContain('>Reload</button>');
    expect(html).toContain('role="alert"');
  });
});
