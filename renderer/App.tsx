import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AmiError, Anchor, Citation, Draft, GuardReplyInfo } from '../shared/domain';
import { ReplyIndex } from '../shared/ghost-guard';
import { ami, connection } from './api/ami-api';
import type { ConnectionStatus } from './api/web-bridge';
import { ErrorNotice } from './components/ErrorNotice';
import { useAppData } from './components/useAppData';
import { useShortcuts } from './components/useShortcuts';
import { DraftEditor, type DraftEditorHandle } from './editor/DraftEditor';
import { AskPanel } from './features/ask/AskPanel';
import { LiveReplies } from './features/ask/live-replies';
import { CitationsPanel } from './features/citations/CitationsPanel';
import { ModelWordingList, type ModelWordingMark } from './features/citations/ModelWordingList';
import { editorAnchors } from './features/citations/editor-anchors';
import { useAnchorSync } from './features/citations/useAnchorSync';
import { useCitations } from './features/citations/useCitations';
import { DraftSidebar, type DraftsView } from './features/drafts/DraftSidebar';
import { lastDraftId, rememberDraft } from './features/drafts/last-draft';
import { MAX_DRAFT_CHARS } from '../shared/contract';
import { pasteQuotation, pasteSources, type PasteSource } from './features/drafts/paste-guard';
import { PasteGuardDialog } from './features/drafts/PasteGuardDialog';
import { askAgainInput, retryInput } from './features/citations/ask-again';
import { HistoryDialog } from './features/history/HistoryDialog';
import type { GhostSource } from './editor/ghost-marks';
import { SaveStatus } from './features/drafts/SaveStatus';
import { ConnectionLostDialog } from './features/drafts/ConnectionLostDialog';
import { TitleField } from './features/drafts/TitleField';
import { useAutosave } from './features/drafts/useAutosave';
import { useDraftsList } from './features/drafts/useDraftsList';
import { ExportMenu } from './features/export/ExportMenu';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { CompareDialog } from './features/compare/CompareDialog';
import { UsageDialog } from './features/usage/UsageDialog';
import { usageFootprintOf } from '../shared/usage-footprint';
import { WORLD_GRID_INTENSITY } from '../shared/footprint';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from './useUiLanguage';
import { i18n } from './i18n';

/** Read when it is shown, so that it speaks the interface language of that moment. */
const notSaved = (): AmiError => ({ kind: 'storage', message: i18n.t('app.notSaved') });

export function App() {
  const { t } = useTranslation();
  const { info, settings, setSettings, templates, refreshTemplates } = useAppData();
  useUiLanguage(settings?.uiLanguage);
  const [view, setView] = useState<DraftsView>('drafts');
  const { drafts, error: listError, refresh: refreshList } = useDraftsList(view);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<AmiError | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [activeConsultationId, setActiveConsultationId] = useState<string | null>(null);
  const [askSignal, setAskSignal] = useState(0);
  const [notices, setNotices] = useState<string[]>([]);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [usageOpen, setUsageOpen] = useState(false);
  const [compareGroup, setCompareGroup] = useState<string | null>(null);
  const [paste, setPaste] = useState<{ text: string; sources: PasteSource[]; at: { from: number; to: number } } | null>(null);
  const [guardReplies, setGuardReplies] = useState<GuardReplyInfo[]>([]);
  const [passageTexts, setPassageTexts] = useState<ReadonlyMap<string, string>>(new Map());
  const [ghostMarks, setGhostMarks] = useState<ModelWordingMark[]>([]);
  const [focusCitation, setFocusCitation] = useState<{ replyId: string } | null>(null);
  const editorRef = useRef<DraftEditorHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const live = useMemo(() => new LiveReplies(), []);
  const [connectionStatus, setConnectionStatus] = useState<ConnectionStatus>(connection?.status() ?? 'ok');
  const [connectionDialogClosed, setConnectionDialogClosed] = useState(false);

  const draftId = draft?.id ?? null;
  const connectionDialogOpen = connectionStatus !== 'ok' && !connectionDialogClosed && draft !== null;
  // The editor gets the focus back once the dialog is gone from the page (the modal makes it unfocusable before).
  const connectionDialogWasOpen = useRef(false);
  useEffect(() => {
    if (connectionDialogWasOpen.current && !connectionDialogOpen) editorRef.current?.focus();
    connectionDialogWasOpen.current = connectionDialogOpen;
  }, [connectionDialogOpen]);
  const readOnly = draft?.trashedAt != null;
  const autosave = useAutosave(draftId, draft?.updatedAt ?? '', () => void refreshList());
  const { citations, error: citationsError, refresh: refreshCitations } = useCitations(draftId);
  const anchorSync = useAnchorSync(draftId);

  useEffect(() => setNotices(info?.notices ?? []), [info]);
  useEffect(
    () =>
      connection?.onStatus((status) => {
        setConnectionStatus(status);
        // A new problem opens the dialog again, even after the author closed it for the last one.
        setConnectionDialogClosed(false);
      }),
    [],
  );
  useEffect(() => ami.onEvent((event) => live.apply(event)), [live]);
  useEffect(
    () =>
      live.onEnd(() => {
        void refreshCitations();
        void refreshList();
      }),
    [live, refreshCitations, refreshList],
  );

  const openDraft = useCallback(
    async (id: string, replyId?: string | null) => {
      if (id !== draftId) {
        if (!(await autosave.flush())) return setError(notSaved());
        await anchorSync.flushAnchors();
        const result = await ami['drafts:get']({ id });
        if (!result.ok) return setError(result.error);
        setError(null);
        setActiveConsultationId(null);
        setDraft(result.value);
        rememberDraft(id);
      }
      if (replyId) {
        const result = await ami['citations:list']({ draftId: id });
        const hit = result.ok ? result.value.find((c) => c.reply.id === replyId) : undefined;
        if (hit) setActiveConsultationId(hit.consultation.id);
      }
    },
    [draftId, autosave, anchorSync],
  );

  // On start: the draft opened last time, else the most recent one.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || drafts.length === 0 || view !== 'drafts') return;
    started.current = true;
    const last = lastDraftId();
    void openDraft(last && drafts.some((d) => d.id === last) ? last : drafts[0]!.id);
  }, [drafts, view, openDraft]);

  const newDraft = useCallback(async () => {
    if (!(await autosave.flush())) return setError(notSaved());
    const result = await ami['drafts:create']({});
    if (!result.ok) return setError(result.error);
    setView('drafts');
    await refreshList();
    await openDraft(result.value.id);
    // A new draft starts with its name; Enter in the title goes on to the text.
    requestAnimationFrame(() => titleRef.current?.focus());
  }, [autosave, openDraft, refreshList]);

  const trash = async (id: string) => {
    if (id === draftId && !(await autosave.flush())) return setError(notSaved());
    const result = await ami['drafts:trash']({ id });
    if (!result.ok) return setError(result.error);
    const remaining = (await refreshList()) ?? [];
    if (id === draftId) {
      const next = remaining.find((d) => d.id !== id);
      if (next) await openDraft(next.id);
      else setDraft(result.value);
    }
  };

  const restore = async (id: string) => {
    const result = await ami['drafts:restore']({ id });
    if (!result.ok) return setError(result.error);
    if (id === draftId) setDraft(result.value);
    await refreshList();
  };

  useShortcuts({ onNewDraft: () => void newDraft(), onFocusSearch: () => searchRef.current?.focus() });

  const anchors = useMemo(
    () => editorAnchors(citations, editorRef.current?.getAnchors()),
    // The editor's live positions are read when the citations change, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [citations],
  );
  // Every stored reply, of every draft: a reply kept elsewhere is model wording here too. Refreshed as replies arrive.
  useEffect(() => {
    let live = true;
    void ami['guard:replies']({}).then((result) => {
      if (live && result.ok) setGuardReplies(result.value);
    });
    return () => {
      live = false;
    };
  }, [citations]);
  const guard = useMemo(() => {
    const replies = new Map(guardReplies.map((r) => [r.id, r]));
    const index = new ReplyIndex(guardReplies.map((r) => ({ id: r.id, citationNumber: r.citationNumber, text: r.text })));
    const source: GhostSource = {
      index,
      describe: (replyId) => {
        const r = replies.get(replyId);
        if (!r) return t('app.ghostUnknown');
        const model = r.servedModel ?? t('common.unidentifiedModel');
        return r.draftId === draftId
          ? t('app.ghostHere', { number: r.citationNumber, model })
          : t('app.ghostElsewhere', { number: r.citationNumber, model });
      },
    };
    return { replies, index, source };
  }, [guardReplies, draftId, t]);

  const onAnchorsChange = useCallback(
    (list: Anchor[]) => {
      anchorSync.onAnchorsChange(list);
      const editor = editorRef.current;
      const texts = new Map<string, string>();
      for (const a of list) {
        const text = a.status === 'edited' ? editor?.getAnchorText(a.consultationId) : null;
        if (text != null) texts.set(a.consultationId, text);
      }
      setPassageTexts((prev) => (prev.size === texts.size && [...texts].every(([k, v]) => prev.get(k) === v) ? prev : texts));
    },
    [anchorSync],
  );
  useEffect(() => {
    setPassageTexts(new Map());
    setGhostMarks([]);
    setCompareGroup(null);
  }, [draftId]);

  const onGhostMarksChange = useCallback((marks: ModelWordingMark[]) => {
    setGhostMarks((prev) => (prev.length === marks.length && prev.every((m, i) => m.replyId === marks[i]!.replyId && m.text === marks[i]!.text) ? prev : marks));
  }, []);

  /** From the list of marks: the mark is selected in the draft and the focus goes to its citation. */
  const revealGhost = (index: number) => {
    const replyId = editorRef.current?.revealGhost(index);
    const hit = replyId ? citations.find((c) => c.reply.id === replyId) : undefined;
    if (!hit) return editorRef.current?.focus();
    setActiveConsultationId(hit.consultation.id);
    setFocusCitation({ replyId: hit.reply.id });
  };

  const onPasteText = (text: string): boolean => {
    if (!draftId) return false;
    const editor = editorRef.current;
    const selection = editor?.getSelection() ?? { from: 0, to: 0 };
    const resulting = (editor?.getText().length ?? 0) - (selection.to - selection.from) + text.length;
    if (resulting > MAX_DRAFT_CHARS) {
      // Refused before it enters: a draft Ami could not save would leave the author with unsaved text.
      setError({
        kind: 'validation',
        message: t('app.pasteTooLong', { max: MAX_DRAFT_CHARS, length: text.length }),
      });
      return true;
    }
    const sources = pasteSources(text, guard.index, guard.replies, draftId);
    if (!sources.length) return false;
    setPaste({ text, sources, at: editorRef.current?.getSelection() ?? { from: 0, to: 0 } });
    return true;
  };

  const onSelectReply = (replyId: string) => {
    const hit = citations.find((c) => c.reply.id === replyId);
    if (hit) selectConsultation(hit.consultation.id);
  };

  const askAgain = async (consultationId: string) => {
    const editor = editorRef.current;
    const consultation = citations.find((c) => c.consultation.id === consultationId)?.consultation;
    const anchor = editor?.getAnchors().find((a) => a.consultationId === consultationId);
    if (!draft || !editor || !consultation || !anchor) return;
    const input = askAgainInput(consultation, editor.getText(), anchor);
    if (!input) return;
    await autosave.flush();
    const result = await ami['consultations:ask']({ draftId: draft.id, ...input });
    if (!result.ok) return setError(result.error);
    setActiveConsultationId(result.value.consultationId);
    void refreshCitations();
  };

  // A request that failed before any text: the same request about the same passage (or the same follow-up) goes
  // out again through the usual ask path, and the failed one is put away.
  const retry = async (failed: Citation) => {
    const editor = editorRef.current;
    if (!draft || !editor) return;
    const { consultation, reply } = failed;
    let result;
    if (reply.turn > 0) {
      result = await ami['consultations:followUp']({ consultationId: consultation.id, question: reply.question, model: consultation.route.requestedModel });
    } else {
      const anchor = editor.getAnchors().find((a) => a.consultationId === consultation.id);
      const input = anchor && retryInput(consultation, editor.getText(), anchor);
      if (!input) return setError({ kind: 'not_found', message: t('app.retryPassageGone') });
      await autosave.flush();
      result = await ami['consultations:ask']({ draftId: draft.id, ...input });
    }
    if (!result.ok) return setError(result.error);
    await ami['citations:setState']({ replyId: reply.id, state: 'dismissed' });
    setActiveConsultationId(result.value.consultationId);
    void refreshCitations();
  };

  const selectConsultation = (id: string) => {
    setActiveConsultationId(id);
    editorRef.current?.revealConsultation(id);
  };
  const openSettings = () => setSettingsOpen(true);
  const mode = info?.mode ?? 'web';

  return (
    <div className="app">
      <DraftSidebar
        drafts={drafts}
        view={view}
        currentId={draftId}
        searchRef={searchRef}
        onView={setView}
        onOpen={(id, replyId) => void openDraft(id, replyId)}
        onNew={() => void newDraft()}
        onTrash={(id) => void trash(id)}
        onRestore={(id) => void restore(id)}
      />
      <main className="editor-pane">
        <header className="toolbar">
          {draft && (
            <SaveStatus
              state={autosave.state}
              onRetry={() => void autosave.flush()}
              onRescue={connectionStatus !== 'ok' && connectionDialogClosed ? () => setConnectionDialogClosed(false) : undefined}
            />
          )}
          <div className="toolbar-actions">
            {draft && (
              <button type="button" onClick={() => setHistoryOpen(true)}>
                {t('app.history')}
              </button>
            )}
            {draft && <ExportMenu draftId={draft.id} mode={mode} flushSave={autosave.flush} getText={() => editorRef.current?.getText() ?? draft.text} />}
            <button type="button" onClick={() => setUsageOpen(true)}>
              {t('usage.open')}
            </button>
            <button type="button" onClick={openSettings}>
              {t('app.settings')}
            </button>
          </div>
        </header>
        {notices.map((n) => (
          <div key={n} className="notice banner">
            {n}{' '}
            <button type="button" className="quiet small" onClick={() => setNotices((all) => all.filter((x) => x !== n))}>
              {t('common.dismiss')}
            </button>
          </div>
        ))}
        {(error ?? listError) && <ErrorNotice error={(error ?? listError)!} onOpenSettings={openSettings} onDismiss={() => setError(null)} />}
        {draft ? (
          <div className="page">
            {readOnly && (
              <div className="notice banner">
                {t('app.inTrash')}{' '}
                <button type="button" onClick={() => void restore(draft.id)}>
                  {t('common.restore')}
                </button>
              </div>
            )}
            <TitleField
              draftId={draft.id}
              title={draft.title}
              readOnly={readOnly}
              onRenamed={() => void refreshList()}
              onError={setError}
              onEnter={() => editorRef.current?.focus()}
              inputRef={titleRef}
            />
            <DraftEditor
              key={draft.id}
              ref={editorRef}
              docKey={draft.id}
              initialText={draft.text}
              anchors={anchors}
              activeConsultationId={activeConsultationId}
              readOnly={readOnly}
              placeholder={t('app.editorPlaceholder')}
              onChange={autosave.change}
              onAnchorsChange={onAnchorsChange}
              onSelectConsultation={setActiveConsultationId}
              onBlur={() => void autosave.flush()}
              onAskShortcut={() => setAskSignal((n) => n + 1)}
              onPasteText={onPasteText}
              ghostSource={guard.source}
              onSelectReply={onSelectReply}
              onGhostMarksChange={onGhostMarksChange}
              onLanguageChange={(language) => void ami['spellcheck:setLanguage']({ language })}
            />
          </div>
        ) : (
          <div className="page empty-page">
            <p className="muted">{t('app.noDraft')}</p>
          </div>
        )}
      </main>
      <aside className="side-panel" aria-label={t('app.sidePanel')}>
        {draft && (
          <>
            <AskPanel
              draftId={draft.id}
              readOnly={readOnly}
              editor={editorRef}
              templates={templates}
              defaultModel={settings?.defaultModel ?? ''}
              settings={settings}
              onSettings={setSettings}
              live={live}
              flushSave={autosave.flush}
              askSignal={askSignal}
              onAsked={(started) => {
                setActiveConsultationId(started.consultationId);
                void refreshCitations();
              }}
              onShowCitation={selectConsultation}
              onOpenSettings={openSettings}
            />
            <ModelWordingList marks={ghostMarks} describe={guard.source.describe} onReveal={revealGhost} />
            {citationsError && <ErrorNotice error={citationsError} />}
            <CitationsPanel
              citations={citations}
              live={live}
              activeConsultationId={activeConsultationId}
              anchorStatuses={anchorSync.statuses}
              passageTexts={passageTexts}
              onAskAgain={(id) => void askAgain(id)}
              onRetry={retry}
              readOnly={readOnly}
              onSelect={selectConsultation}
              onChanged={() => void refreshCitations()}
              onFollowUp={() => void refreshCitations()}
              onOpenSettings={openSettings}
              focusRequest={focusCitation}
              onCompare={setCompareGroup}
              footprint={settings ? { gridIntensity: settings.gridIntensity, localPowerW: settings.localPowerW } : null}
            />
          </>
        )}
      </aside>
      {paste && (
        <PasteGuardDialog
          text={paste.text}
          sources={paste.sources}
          onCancel={() => {
            const at = paste.at;
            setPaste(null);
            // Once the modal is gone the editor takes the focus back, its cursor where the paste was.
            requestAnimationFrame(() => editorRef.current?.focus(at));
          }}
          onQuote={() => {
            const end = editorRef.current?.insertBlock(pasteQuotation(paste.text, paste.sources), paste.at);
            setPaste(null);
            if (end !== undefined) requestAnimationFrame(() => editorRef.current?.focus({ from: end, to: end }));
          }}
        />
      )}
      {connection && connectionDialogOpen && draft && (
        <ConnectionLostDialog
          status={connectionStatus}
          connection={connection}
          getText={() => editorRef.current?.getText() ?? draft.text}
          // The list follows renames; the opened draft keeps the title it was opened with.
          title={drafts.find((d) => d.id === draft.id)?.title ?? draft.title}
          onReconnected={() => void autosave.flush()}
          onClose={() => setConnectionDialogClosed(true)}
        />
      )}
      {historyOpen && draft && (
        <HistoryDialog
          draftId={draft.id}
          draftTitle={drafts.find((d) => d.id === draft.id)?.title ?? draft.title}
          citations={citations} consultationId={activeConsultationId} onClose={() => setHistoryOpen(false)} />
      )}
      {compareGroup && draft && <CompareDialog group={compareGroup} citations={citations} live={live} onClose={() => setCompareGroup(null)} />}
      {usageOpen && (
        <UsageDialog onClose={() => setUsageOpen(false)} footprintOf={usageFootprintOf(settings?.gridIntensity ?? WORLD_GRID_INTENSITY)} />
      )}
      <SettingsDialog
        open={settingsOpen}
        mode={mode}
        dataDir={info?.dataDir ?? ''}
        settings={settings}
        templates={templates}
        onClose={() => setSettingsOpen(false)}
        onSettings={setSettings}
        onTemplatesChanged={() => void refreshTemplates()}
        onImported={() => void refreshList()}
      />
    </div>
  );
}
