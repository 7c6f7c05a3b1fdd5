import { useEffect, useId, useRef, useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import type { BridgeConnection, ConnectionStatus } from '../../api/web-bridge';
import { downloadFile } from '../export/download';

interface Props {
  status: Exclude<ConnectionStatus, 'ok'>;
  connection: BridgeConnection;
  /** The editor's text right now: what the store may not have. */
  getText: () => string;
  title: string;
  /** The new token is in use: save what is pending at once. */
  onReconnected: () => void;
  onClose: () => void;
}

/** A file name from the draft's title that every file system takes. */
export function unsavedFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim().slice(0, 80) || 'Untitled';
  return `${base} (unsaved).md`;
}

/**
 * Browser mode, when the local server no longer takes this window's token (it was restarted) or stops answering:
 * the unsaved text exists only in this window, so the window offers to reconnect with the new address, or to take
 * the text out, never to open the new address (which would show the stored version without it).
 */
export function ConnectionLostDialog({ status, connection, getText, title, onReconnected, onClose }: Props) {
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  useEffect(() => inputRef.current?.focus(), []);

  const reconnect = async () => {
    setBusy(true);
    const result = await connection.reconnect(address);
    setBusy(false);
    if (result.ok) onReconnected();
    else setProblem(result.message);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(getText());
      setCopied('Copied. Paste it somewhere safe before closing this window.');
    } catch {
      setCopied('The clipboard is not available here: use Download instead.');
    }
  };
  const download = () => downloadFile({ filename: unsavedFileName(title), mime: 'text/markdown', content: getText() });

  return (
    <ModalDialog
      title={status === 'refused' ? 'This window lost its connection to Ami' : 'Ami’s local server is not answering'}
      onClose={onClose}
      className="connection-dialog"
      restoreFocus={false}
    >
      {status === 'refused' ? (
        <p>
          Ami’s local server was restarted and no longer accepts this window. What you typed since the last save is only
          in this window: opening Ami’s new address elsewhere would show the stored version without it.
        </p>
      ) : (
        <p>
          This window has not reached Ami’s local server for a while. Your text is kept here and will be saved when the
          server is back. If it does not come back, take your text out of this window.
        </p>
      )}
      <label htmlFor={inputId}>To reconnect this window, paste the address Ami printed when it started again (it ends with #token=…):</label>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void reconnect();
        }}
      >
        <input id={inputId} ref={inputRef} type="text" value={address} spellCheck={false} autoComplete="off" onChange={(e) => setAddress(e.target.value)} />
        <button type="submit" className="primary" disabled={busy || !address.trim()}>
          Reconnect
        </button>
      </form>
      {problem && (
        <p className="error-notice" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void copy()}>
          Copy unsaved text
        </button>
        <button type="button" onClick={download}>
          Download unsaved text
        </button>
        <button type="button" className="quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {copied && (
        <p className="muted small" role="status">
          {copied}
        </p>
      )}
    </ModalDialog>
  );
}
