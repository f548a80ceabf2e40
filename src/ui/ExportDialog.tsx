import { useMemo, useState } from 'react';
import { stagedCode } from '../core/index.ts';
import { circuitTikz } from '../render/tikz.ts';
import { finalTikzLabels } from '../render/tikz-labels.ts';
import { currentSource } from '../state/store.ts';
import { Dialog } from './Dialog.tsx';
import { downloadText } from './download.ts';
import { useApp } from './store-context.ts';

const FORMATS = {
  python: { label: 'Python', file: 'circuit.py', type: 'text/x-python', note: 'Staged forward and backward passes, one line per gate; prints {"output", "grads"} as JSON. NumPy for tensor circuits.' },
  javascript: { label: 'JavaScript', file: 'circuit.mjs', type: 'text/javascript', note: 'The same staged program for Node or a browser console; prints {"output", "grads"} as JSON.' },
  tikz: { label: 'TikZ', file: 'circuit.tex', type: 'application/x-tex', note: 'The circuit as drawn, with its final values above the wires and gradients below, for lecture notes.' },
} as const;
type Format = keyof typeof FORMATS;

/** Take the circuit away: as staged code that runs and prints the app's numbers, or as a TikZ picture. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  const hasModel = useApp((s) => s.model !== null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={!hasModel} data-testid="export.open" title="The circuit as staged Python or JavaScript, or as a TikZ picture">Export</button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ onClose }: { onClose: () => void }) {
  const [format, setFormat] = useState<Format>('python');
  const source = useApp(currentSource);
  const circuit = useApp((s) => s.model?.circuit);
  const text = useMemo(() => {
    if (format === 'tikz') return circuit ? circuitTikz(circuit, finalTikzLabels(circuit)) : '';
    const result = stagedCode(source, format);
    return result.ok ? result.code : `# ${result.error.message}`;
  }, [format, source, circuit]);
  const spec = FORMATS[format];
  return (
    <Dialog title="Export the circuit" onClose={onClose} testId="export">
      <div role="tablist" aria-label="Format" className="export-tabs">
        {(Object.keys(FORMATS) as Format[]).map((f) => (
          <button key={f} type="button" role="tab" aria-selected={f === format} onClick={() => setFormat(f)} data-testid={`export.${f}`}>{FORMATS[f].label}</button>
        ))}
      </div>
      <p className="hint">{spec.note}</p>
      <textarea className="export-text" readOnly value={text} rows={16} aria-label={`${spec.label} export`} data-testid="export.text" />
      <p><button type="button" onClick={() => downloadText(spec.file, text, spec.type)} data-testid="export.download">Download {spec.file}</button></p>
    </Dialog>
  );
}
