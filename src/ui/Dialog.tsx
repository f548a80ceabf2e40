import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly testId: string;
  readonly children: ReactNode;
}

/**
 * A modal <dialog>: the browser gives it role=dialog, keeps focus inside and closes it on Esc. Focus goes back to
 * what had it before. Keys pressed inside stay inside, so arrows scroll a table instead of stepping the circuit.
 */
export function Dialog({ title, onClose, testId, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
      else (document.activeElement as HTMLElement | null)?.blur?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="tensor-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        close.current();
      }}
      // NOTE: a close() made while unmounting (or by StrictMode's second mount) fires later; only a closed dialog counts.
      onClose={(e) => !e.currentTarget.open && close.current()}
      onKeyDown={(e) => e.stopPropagation()}
      onClick={(e) => e.target === e.currentTarget && close.current()}
    >
      <div className="dialog-head">
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <button type="button" className="dialog-close" onClick={() => close.current()} aria-label="Close (Esc)" title="Close (Esc)" data-testid={`${testId}.close`}>×</button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
