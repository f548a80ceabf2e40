import { Component, useRef, useState, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The formula to give back to the user: read when the error happens, so it is the latest text. */
  readonly formula: () => string;
  readonly children: ReactNode;
}

/** What the user sees instead of a blank page: what happened, their formula as text to copy, and a way back. */
export function CrashNotice({ formula, error }: { formula: string; error: string }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    area.current?.select();
    try {
      await navigator.clipboard.writeText(formula);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="crash" role="alert" data-testid="crash">
      <h1>Something went wrong</h1>
      <p>The app met an error it did not expect and stopped drawing. Your formula is safe: here it is, to copy before
        you reload (the page&apos;s address carries it too).</p>
      <textarea ref={area} readOnly value={formula} aria-label="Your formula" data-testid="crash.formula" rows={Math.min(12, formula.split('\n').length + 1)} />
      <p className="crash-actions">
        <button type="button" onClick={() => void copy()}>Copy formula</button>
        <button type="button" onClick={() => window.location.reload()}>Reload</button>
        {copied === 'yes' && <span role="status">Copied.</span>}
        {copied === 'no' && <span role="status">The clipboard is not available here: the text is selected, press Ctrl+C.</span>}
      </p>
      <details><summary>What went wrong</summary><pre data-testid="crash.error">{error}</pre></details>
    </div>
  );
}

/** Catches an error thrown while rendering (or in an effect) anywhere below it. */
export class ErrorBoundary extends Component<Props, { error: string | null; formula: string }> {
  override state = { error: null as string | null, formula: '' };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.setState({ formula: this.props.formula() });
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <CrashNotice formula={this.state.formula || this.props.formula()} error={this.state.error} />;
  }
}
