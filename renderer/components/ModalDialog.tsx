import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  /** The accessible name, also shown as the heading. */
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /**
   * Focus goes back where it was when the dialog closes. Off for the editor: focusing its DOM would move the
   * cursor, so its owner focuses it through CodeMirror instead.
   */
  restoreFocus?: boolean;
}

/**
 * A modal dialog mounted only while open, named by its heading: showModal puts the focus on its first control,
 * Esc closes it (the browser's own behaviour) and focus returns to where it was.
 */
export function ModalDialog({ title, onClose, children, className, restoreFocus = true }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const before = restoreFocus ? active : null;
    // The browser gives the focus back to whatever had it before showModal(); for the editor that would move its
    // cursor, so it is let go first and its owner refocuses it.
    if (!restoreFocus) active?.blur();
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // close() would run the browser's focus fixup; removing the element (React does) is enough to dismiss it.
      if (dialog?.open && restoreFocus) dialog.close();
      before?.focus();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      onClose={() => onCloseRef.current()}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
    >
      <header className="dialog-head">
        <h2 id={headingId}>{title}</h2>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
