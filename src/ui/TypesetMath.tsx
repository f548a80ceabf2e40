/// <reference types="vite/client" />
import { Fragment, useEffect, useMemo, useState } from 'react';
import { toLatex, toText, type Expr } from '../core/index.ts';
import { loadKatex, type Katex } from './load-katex.ts';
import './typeset.css';

/** KaTeX once it has loaded, while `enabled`; null before, and whenever typesetting is off. */
export function useKatex(enabled: boolean): Katex | null {
  const [katex, setKatex] = useState<Katex | null>(() => (enabled ? window.katex ?? null : null));
  useEffect(() => {
    if (!enabled || katex) return;
    let live = true;
    // A failed load leaves the text form in place: nothing to report to the reader.
    loadKatex().then((k) => { if (live) setKatex(k); }, () => undefined);
    return () => { live = false; };
  }, [enabled, katex]);
  return enabled ? katex : null;
}

/**
 * An expression or a line of an explanation: typeset with KaTeX when `typeset` is on and KaTeX has loaded, else (and
 * on any KaTeX error) as the same text the panel always shows. Prose stays DOM text; KaTeX sees only `toLatex` output,
 * in which every name is escaped, and its HTML is the only markup set directly.
 */
export function TypesetMath({ math, typeset = false, large = false }: { math: Expr; typeset?: boolean; large?: boolean }) {
  const katex = useKatex(typeset);
  if (!katex) return <>{toText(math)}</>;
  const parts = math.kind === 'line' ? math.parts : [math];
  return <>{parts.map((part, i) => (part.kind === 'text' ? <Fragment key={i}>{part.text}</Fragment> : <Typeset key={i} katex={katex} math={part} large={large} />))}</>;
}

/** `large` sets fractions at full size (display style), as on a slide, while staying in the line. */
function Typeset({ katex, math, large }: { katex: Katex; math: Expr; large: boolean }) {
  const html = useMemo(() => typesetHtml(katex, `${large ? '\\displaystyle ' : ''}${toLatex(math)}`), [katex, math, large]);
  if (html === null) return <>{toText(math)}</>;
  return <span className="typeset-math" dangerouslySetInnerHTML={{ __html: html }} />;
}

function typesetHtml(katex: Katex, latex: string): string | null {
  try {
    const html = katex.renderToString(latex, { throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml' });
    // With throwOnError off, a parse error comes back as this span holding the source: show the text form instead.
    return html.startsWith('<span class="katex-error"') ? null : html;
  } catch {
    return null;
  }
}
