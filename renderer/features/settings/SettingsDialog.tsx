import { useEffect, useRef } from 'react';
import type { Settings, Template } from '../../../shared/domain';
import { ArchiveSection } from './ArchiveSection';
import { BudgetSection } from './BudgetSection';
import { FootprintSection } from './FootprintSection';
import { BackupsSection } from './BackupsSection';
import { KeySection } from './KeySection';
import { RouteSection } from './RouteSection';
import { EndpointsSection } from './EndpointsSection';
import { TemplatesEditor } from './TemplatesEditor';
import { LanguageSection } from './LanguageSection';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  mode: 'electron' | 'web';
  dataDir: string;
  settings: Settings | null;
  templates: Template[];
  onClose: () => void;
  onSettings: (settings: Settings) => void;
  onTemplatesChanged: () => void;
  /** Drafts were added by an import: the list must show them. */
  onImported?: () => void;
}

/** A modal dialog: Esc closes it (the browser's own behaviour for showModal), focus returns to the opener. */
export function SettingsDialog(props: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  return (
    <dialog ref={ref} className="settings-dialog" aria-label={t('settings.title')} onClose={props.onClose}>
      <header className="dialog-head">
        <h2>{t('settings.title')}</h2>
        <button type="button" className="quiet" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </header>
      {props.open && props.settings && (
        <div className="dialog-body">
          <LanguageSection settings={props.settings} onSettings={props.onSettings} />
          <KeySection settings={props.settings} mode={props.mode} onSettings={props.onSettings} />
          <RouteSection settings={props.settings} onSettings={props.onSettings} />
          <EndpointsSection settings={props.settings} onSettings={props.onSettings} />
          <BudgetSection settings={props.settings} onSettings={props.onSettings} />
          <FootprintSection settings={props.settings} onSettings={props.onSettings} />
          <TemplatesEditor templates={props.templates} onChanged={props.onTemplatesChanged} />
          <BackupsSection dataDir={props.dataDir} />
          <ArchiveSection mode={props.mode} onImported={() => props.onImported?.()} />
        </div>
      )}
    </dialog>
  );
}
