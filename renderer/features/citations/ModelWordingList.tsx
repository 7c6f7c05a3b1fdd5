import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface ModelWordingMark {
  replyId: string;
  /** The start of the marked text. */
  text: string;
}

interface Props {
  marks: readonly ModelWordingMark[];
  /** "Model wording from citation 2 (model)", as the mark in the editor describes itself. */
  describe: (replyId: string) => string;
  /** Selects the index-th mark in the draft and shows its citation. */
  onReveal: (index: number) => void;
}

/**
 * The editor's model-wording marks as a list of buttons: the wavy underline is visual, so this is how the keyboard
 * and a screen reader reach each mark and the citation it comes from.
 */
export function ModelWordingList({ marks, describe, onReveal }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  if (!marks.length) return null;
  return (
    <section className="model-wording-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('wording.heading')}</h2>
      <p className="muted small">{t('wording.explain')}</p>
      <ul>
        {marks.map((m, i) => (
          <li key={`${i}-${m.replyId}`}>
            <button type="button" className="quiet small" onClick={() => onReveal(i)}>
              {t('wording.entry', { description: describe(m.replyId), text: m.text.length >= 60 ? `${m.text.slice(0, 60)}…` : m.text })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
