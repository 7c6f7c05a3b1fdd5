import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n';
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
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim().slice(0, 80) || translate('common.untitled');
  return `${base} (unsaved).md`;
}

/**
 * Browser mode, when the local server no longer takes this window's token (it was restarted) or stops answering:
 * the unsaved text exists only in this window, so the window offers to reconnect with the new address, or to take
 * the text out, never to open the new address (which would show the stored version without it).
 */
export function ConnectionLostDialog({ status, connection, getText, title, onReconnected, onClose }: Props) {
  const { t } = useTranslation();
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
      setCopied(t('connection.copied'));
    } catch {
      setCopied(t('connection.noClipboard'));
    }
  };
  const download = () => downloadFile({ filename: unsavedFileName(title), mime: 'text/markdown', content: getText() });

  return (
    <ModalDialog
      title={status === 'refused' ? t('connection.refusedTitle') : t('connection.unreachableTitle')}
      onClose={onClose}
      className="connection-dialog"
      restoreFocus={false}
    >
      {status === 'refused' ? (
        <p>{t('connection.refusedBody')}</p>
      ) : (
        <p>{t('connection.unreachableBody')}</p>
      )}
      <label htmlFor={inputId}>{t('connection.addressLabel')}</label>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void reconnect();
        }}
      >
        <input id={inputId} ref={inputRef} type="text" value={address} spellCheck={false} autoComplete="off" onChange={(e) => setAddress(e.target.value)} />
        <button type="submit" className="primary" disabled={busy || !address.trim()}>
          {t('connection.reconnect')}
        </button>
      </form>
      {problem && (
        <p className="error-notice" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void copy()}>
          {t('connection.copy')}
        </button>
        <button type="button" onClick={download}>
          {t('connection.download')}
        </button>
        <button type="button" className="quiet" onClick={onClose}>
          {t('common.close')}
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
