import { useEffect, useRef, useState } from 'react';
import { explanationLatex, type StepExplanation } from '../core/index.ts';
import { Dialog } from './Dialog.tsx';

/** The current step's derivation as LaTeX, for lecture notes: the same data the panel prints and typesets. */
export function StepLatex({ explanation }: { explanation: StepExplanation }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="step-latex" onClick={() => setOpen(true)} title="This step's derivation as LaTeX, to paste into notes" data-testid="explain.latex">TeX</button>
      {open && <LatexDialog latex={explanationLatex(explanation)} title={explanation.title} onClose={() => setOpen(false)} />}
    </>
  );
}

function LatexDialog({ latex, title, onClose }: { latex: string; title: string; onClose: () => void }) {
  const text = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => text.current?.select(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(latex);
      setCopied('yes');
    } catch {
      text.current?.select();
      setCopied('no');
    }
  };
  return (
    <Dialog title={`LaTeX: ${title}`} onClose={onClose} testId="latex">
      <textarea ref={text} className="latex-text" readOnly value={latex} rows={Math.min(14, latex.split('\n').length + 1)} data-testid="latex.text" aria-label="LaTeX of this step" />
      <p>
        <button type="button" onClick={() => void copy()} data-testid="latex.copy">Copy</button>{' '}
        {copied === 'yes' && <span role="status">Copied.</span>}
        {copied === 'no' && <span role="status">The clipboard is not available here: the text is selected, press Ctrl+C.</span>}
        <span className="hint"> Needs <code>amsmath</code> for <code>aligned</code>.</span>
      </p>
    </Dialog>
  );
}
