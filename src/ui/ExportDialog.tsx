import { useEffect, useState } from 'react';
import { stagedCode } from '../core/index.ts';
import { VIRTUAL_SCENE } from '../render/constants.ts';
import { sketchPaths } from '../render/sketch.ts';
import { circuitTikz } from '../render/tikz.ts';
import { finalTikzLabels } from '../render/tikz-labels.ts';
import type { Model } from '../state/model.ts';
import { currentSource } from '../state/store.ts';
import { viewRef } from './CircuitPanel.tsx';
import { drawingFor } from './drawing.ts';
import { Dialog } from './Dialog.tsx';
import { downloadBlob, downloadText } from './download.ts';
import { blobDataUrl, circuitPng, circuitSvg, PADDING, pngSize, svgDataUrl, type ImageOptions } from './export-image.ts';
import { useApp } from './store-context.ts';

const FORMATS = {
  python: { label: 'Python', file: 'circuit.py', type: 'text/x-python', note: 'Staged forward and backward passes, one line per gate; prints {"output", "grads"} as JSON. NumPy for tensor circuits.' },
  javascript: { label: 'JavaScript', file: 'circuit.mjs', type: 'text/javascript', note: 'The same staged program for Node or a browser console; prints {"output", "grads"} as JSON.' },
  tikz: { label: 'TikZ', file: 'circuit.tex', type: 'application/x-tex', note: 'The circuit as drawn, with its final values above the wires and gradients below, for lecture notes.' },
  svg: { label: 'SVG', file: 'circuit.svg', type: 'image/svg+xml', note: 'The whole circuit at the current step as drawn on screen, fonts embedded, ready to paste into slides.' },
  png: { label: 'PNG', file: 'circuit.png', type: 'image/png', note: 'The whole circuit at the current step as drawn on screen, as a picture at 1× or 2×.' },
} as const;
type Format = keyof typeof FORMATS;
const isImage = (f: Format): f is 'svg' | 'png' => f === 'svg' || f === 'png';

interface Picture {
  readonly blob: Blob;
  /** A data: URL for the preview (the app's CSP allows data: images, not blob: ones). */
  readonly url: string;
  /**
   * A large circuit's SVG is previewed as its sketch (wires and gate outlines, as Fit draws it): at the preview's
   * scale its labels are too small to read, and the browser took a second to read the whole file as an image.
   */
  readonly sketch?: { readonly wires: string; readonly shapes: string; readonly background: string | null };
  readonly width: number;
  readonly height: number;
}

/** The circuit on screen as an SVG or PNG file, made again when the options change. */
function usePicture(format: Format, background: ImageOptions['background'], scale: 1 | 2): { picture: Picture | null; error: string } {
  const key = `${format} ${background} ${scale}`;
  const [state, setState] = useState<{ key: string; picture: Picture | null; error: string }>({ key: '', picture: null, error: '' });
  useEffect(() => {
    if (!isImage(format)) return;
    let live = true;
    const make = async (): Promise<Picture> => {
      const source = viewRef.current?.picture();
      if (!source) throw new Error('No circuit is drawn.');
      const start = performance.now();
      // A large circuit is drawn whole only while its picture is copied.
      const drawn = await circuitSvg(source.svg, source, { background }).finally(source.release);
      // Timed for the bench (e2e/export.spec.ts reads these measures).
      performance.measure('export.svg', { start, end: performance.now() });
      if (format === 'svg') {
        const blob = new Blob([drawn.svg], { type: 'image/svg+xml' });
        const { scene } = source;
        if (scene.nodes.length < VIRTUAL_SCENE) return { blob, url: svgDataUrl(drawn.svg), width: drawn.width, height: drawn.height };
        const sketch = sketchPaths(scene, scene.nodes.map((_, i) => i), scene.edges.map((_, k) => k));
        return { blob, url: '', sketch: { ...sketch, background: drawn.background }, width: drawn.width, height: drawn.height };
      }
      const pngStart = performance.now();
      const blob = await circuitPng(drawn.svg, drawn.width, drawn.height, scale);
      performance.measure(`export.png.${scale}`, { start: pngStart, end: performance.now() });
      return { blob, url: await blobDataUrl(blob), ...pngSize(drawn.width, drawn.height, scale) };
    };
    make().then(
      (picture) => live && setState({ key, picture, error: '' }),
      (error: unknown) => live && setState({ key, picture: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [key, format, background, scale]);
  // A picture made for other options is not shown while the new one is drawn.
  return state.key === key ? state : { picture: null, error: '' };
}

/**
 * The program or TikZ picture for `format`, written in a task of its own after the dialog is drawn (a large circuit's
 * takes a while, and opening the dialog should not wait for it); null until then. TikZ reuses the layout on screen.
 */
function useExportText(format: Format, source: string, model: Model | null): string | null {
  const key = `${format}\n${source}`;
  const [state, setState] = useState<{ key: string; text: string; model: Model | null }>({ key: '', text: '', model: null });
  useEffect(() => {
    if (isImage(format)) return;
    const write = (): string => {
      if (format !== 'tikz') {
        const result = stagedCode(source, format);
        return result.ok ? result.code : `# ${result.error.message}`;
      }
      const scene = drawingFor(model).scene;
      return model && scene ? circuitTikz(model.circuit, finalTikzLabels(model.circuit), scene) : '';
    };
    const timer = setTimeout(() => setState({ key, text: write(), model }));
    return () => clearTimeout(timer);
  }, [key, format, source, model]);
  return state.key === key && state.model === model ? state.text : null;
}

/** Take the circuit away: as staged code that runs and prints the app's numbers, or as a TikZ picture. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  const hasModel = useApp((s) => s.model !== null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={!hasModel} data-testid="export.open" title="The circuit as staged Python or JavaScript, as a TikZ picture, or as an SVG or PNG image">Export</button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ExportDialog({ onClose }: { onClose: () => void }) {
  const [format, setFormat] = useState<Format>('python');
  const source = useApp(currentSource);
  const model = useApp((s) => s.model);
  const [background, setBackground] = useState<ImageOptions['background']>('theme');
  const [scale, setScale] = useState<1 | 2>(2);
  const { picture, error } = usePicture(format, background, scale);
  const text = useExportText(format, source, model);
  const spec = FORMATS[format];
  return (
    <Dialog title="Export the circuit" onClose={onClose} testId="export">
      <div role="tablist" aria-label="Format" className="export-tabs">
        {(Object.keys(FORMATS) as Format[]).map((f) => (
          <button key={f} type="button" role="tab" aria-selected={f === format} onClick={() => setFormat(f)} data-testid={`export.${f}`}>{FORMATS[f].label}</button>
        ))}
      </div>
      <p className="hint">{spec.note}</p>
      {isImage(format) ? (
        <>
          <div className="export-options">
            <label>Background{' '}
              <select value={background} onChange={(e) => setBackground(e.target.value as ImageOptions['background'])} data-testid="export.background">
                <option value="theme">Theme</option>
                <option value="transparent">Transparent</option>
              </select>
            </label>
            {format === 'png' && (
              <label>Scale{' '}
                <select value={scale} onChange={(e) => setScale(Number(e.target.value) === 1 ? 1 : 2)} data-testid="export.scale">
                  <option value={1}>1×</option>
                  <option value={2}>2×</option>
                </select>
              </label>
            )}
            {picture && <span className="hint" data-testid="export.size">{picture.width} × {picture.height} px</span>}
          </div>
          <div className="export-preview">
            {error ? <p role="alert">{error}</p> : picture ? <Preview picture={picture} file={spec.file} /> : <p className="hint">Drawing…</p>}
          </div>
          {picture?.sketch && <p className="hint" data-testid="export.sketch-note">The preview shows the layout: at this size the labels are too small to read. The file has every gate and label.</p>}
          <p><button type="button" disabled={!picture} onClick={() => picture && downloadBlob(spec.file, picture.blob)} data-testid="export.download">Download {spec.file}</button></p>
        </>
      ) : (
        <>
          {text === null ? <p className="hint export-text">Writing…</p> : <textarea className="export-text" readOnly value={text} rows={16} aria-label={`${spec.label} export`} data-testid="export.text" />}
          <p><button type="button" disabled={text === null} onClick={() => text !== null && downloadText(spec.file, text, spec.type)} data-testid="export.download">Download {spec.file}</button></p>
        </>
      )}
    </Dialog>
  );
}

function Preview({ picture, file }: { picture: Picture; file: string }) {
  const { sketch, width, height } = picture;
  if (!sketch) return <img src={picture.url} alt={`Preview of ${file}`} data-testid="export.preview" />;
  return (
    <svg className="export-sketch" viewBox={`${-PADDING} ${-PADDING} ${width} ${height}`} role="img" aria-label={`Preview of ${file}: the circuit's layout`} data-testid="export.preview">
      {sketch.background && <rect x={-PADDING} y={-PADDING} width={width} height={height} fill={sketch.background} />}
      <path className="sketch-wires" d={sketch.wires} />
      <path className="sketch-shapes" d={sketch.shapes} />
    </svg>
  );
}
