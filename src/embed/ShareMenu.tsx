import { useEffect, useId, useRef, useState } from 'react';
import { currentSource } from '../state/store.ts';
import { downloadText } from '../ui/download.ts';
import { useAppStore } from '../ui/store-context.ts';
import { embedCodeFor, linkFor, writeClipboard } from './share.ts';
import { formulaTooLong, MAX_LINK_FORMULA } from './url-state.ts';

type What = 'link' | 'embed';
type Outcome = { readonly what: What; readonly copied: boolean; readonly text: string };

const NAMES: Record<What, string> = { link: 'Link', embed: 'Embed code' };
const count = (n: number) => n.toLocaleString('en-US');

/** Instead of a link that servers and course pages would cut or refuse: why, and the formula as a file. */
function TooLong({ length, source }: { length: number; source: string }) {
  return (
    <div className="share-too-long" data-testid="share.too-long">
      <p className="hint" role="status">
        This formula is too long for a link: it would take {count(length)} characters, and links carry at most{' '}
        {count(MAX_LINK_FORMULA)}. Download it and share the file; pasting it into the editor opens it.
      </p>
      <button type="button" onClick={() => downloadText('formula.txt', source, 'text/plain')} data-testid="share.download">Download formula.txt</button>
    </div>
  );
}

/** Shown when the clipboard is refused: the text, selected, ready for Ctrl+C. */
function ManualCopy({ outcome }: { outcome: Outcome }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [outcome]);
  return (
    <div className="share-manual">
      <label htmlFor={id}>The clipboard is not available here: press Ctrl+C (⌘C) to copy the {NAMES[outcome.what].toLowerCase()}.</label>
      <textarea
        id={id}
        ref={field}
        readOnly
        value={outcome.text}
        rows={outcome.what === 'embed' ? 4 : 2}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={(e) => e.stopPropagation()}
        data-testid="share.manual"
      />
    </div>
  );
}

/** "Copy link" and "Copy embed code" for the current view. */
export function ShareMenu() {
  const store = useAppStore();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (menu.current && !menu.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const copy = async (what: What) => {
    const state = store.getState();
    const text = what === 'link' ? linkFor(state, window.location.href) : embedCodeFor(state, window.location.href);
    setOutcome(null);
    setOutcome({ what, copied: await writeClipboard(text), text });
  };

  const source = open ? currentSource(store.getState()) : '';
  const length = open ? formulaTooLong(source) : null;
  const tooLong = length === null ? null : { length, source };

  return (
    <div className="share-menu" ref={menu}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          setOutcome(null);
        }}
        data-testid="share.toggle"
      >Share</button>
      {open && tooLong && <div className="share-panel" id={panelId} role="group" aria-label="Share this view"><TooLong {...tooLong} /></div>}
      {open && !tooLong && (
        <div className="share-panel" id={panelId} role="group" aria-label="Share this view">
          <div className="share-actions">
            <button type="button" onClick={() => void copy('link')} data-testid="share.copy-link">Copy link</button>
            <button type="button" onClick={() => void copy('embed')} data-testid="share.copy-embed">Copy embed code</button>
          </div>
          <p className="hint share-status" role="status" data-testid="share.status">
            {outcome?.copied ? `${NAMES[outcome.what]} copied.` : 'Links open this formula at this step.'}
          </p>
          {outcome && !outcome.copied && <ManualCopy outcome={outcome} />}
        </div>
      )}
    </div>
  );
}
