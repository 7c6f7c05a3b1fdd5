// What an export is rendered from, and the small pieces both export formats share.
import type { Citation, Draft, Language, Reply } from './domain.js';
import { consultationRequestName, kindName } from './request-names.js';

/** What a check of the draft against the reply texts found: spans of the draft that reproduce a reply. */
export interface DraftGuard {
  clean: boolean;
  spans: { from: number; to: number; citationNumber: number }[];
}

export interface ExportInput {
  draft: Draft;
  /** All citations of the draft; only the kept ones are reproduced, but all count as consultations. */
  citations: Citation[];
  exportedAt: string; // ISO 8601
  draftSha256: string;
  appVersion: string;
  guard?: DraftGuard;
}

/** "2026-03-01 09:12:05 UTC": readable, unambiguous, the same wherever the file is opened. */
export function formatUtc(iso: string, withSeconds = true): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const s = new Date(ms).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, withSeconds ? 19 : 16)} UTC`;
}

export type NumberedCitation = Citation & { reply: Reply & { citationNumber: number } };

/** A reply is a citation once it has text and a number; a request that failed before any text is not one. */
export function isNumbered(citation: Citation): citation is NumberedCitation {
  return citation.reply.citationNumber !== null;
}

/** Every real citation (kept or dismissed), in citation-number order. */
export function numberedCitations(citations: Citation[]): NumberedCitation[] {
  return citations.filter(isNumbered).sort((a, b) => a.reply.citationNumber - b.reply.citationNumber);
}

/** The citations an export reproduces: kept ones, in citation-number order. */
export function keptCitations(citations: Citation[]): NumberedCitation[] {
  return numberedCitations(citations).filter((c) => c.reply.state === 'kept');
}

/** How a reply's completeness is told to a reader. Only a complete reply is ever called complete (invariant 4). */
export function replyStatusLabel(reply: Reply, language: Language): string {
  const fr = language === 'fr';
  switch (reply.status) {
    case 'complete':
      return fr ? 'complète' : 'complete';
    case 'interrupted':
      return fr ? 'incomplète — la réponse a été interrompue' : 'incomplete — the reply was cut off';
    case 'streaming':
      return fr ? 'incomplète — la réponse arrivait encore au moment de l’export' : 'incomplete — the reply was still arriving when exported';
    case 'failed':
      return fr ? 'échec — la demande a échoué' : 'failed — the request did not succeed';
  }
}

/** Labels of the appendix, in the draft's language. */
export function exportLabels(language: Language) {
  return language === 'fr'
    ? {
        citations: 'Citations',
        citation: 'Citation',
        statement: 'Déclaration d’usage de l’IA',
        untitled: 'Sans titre',
        request: 'Demande',
        model: 'Modèle',
        requested: 'demandé :',
        via: 'via',
        unknownModel: 'non identifié par le fournisseur',
        date: 'Date',
        status: 'État',
        anchor: 'Passage aujourd’hui',
        anchorEdited: 'modifié depuis la question',
        anchorLost: 'introuvable dans le texte actuel',
        followUp: (n: number | null) => (n === null ? 'question de suivi' : `question de suivi de la citation ${n}`),
        passage: 'Passage, tel qu’il était lors de la question',
        question: 'Question',
        reply: 'Réponse, mot pour mot',
        noText: '(aucun texte reçu)',
        error: 'Erreur',
        note: 'Note de l’auteur',
        seeBelow: (n: number) => `Voir la citation ${n} plus bas.`,
        dismissed: (n: number) => `La citation ${n} a été écartée par l’auteur et n’est pas reproduite.`,
        missing: (n: number) => `Aucune citation ${n} n’existe pour ce brouillon.`,
        none: 'Aucune citation gardée.',
        colophon: (at: string, version: string) => `Exporté le ${at} par Ami ${version}.`,
      }
    : {
        citations: 'Citations',
        citation: 'Citation',
        statement: 'AI-use statement',
        untitled: 'Untitled',
        request: 'Request',
        model: 'Model',
        requested: 'requested:',
        via: 'via',
        unknownModel: 'not identified by the provider',
        date: 'Date',
        status: 'Status',
        anchor: 'Passage now',
        anchorEdited: 'edited since the question',
        anchorLost: 'no longer found in the text',
        followUp: (n: number | null) => (n === null ? 'follow-up question' : `follow-up to citation ${n}`),
        passage: 'Passage, as it was when asked',
        question: 'Question',
        reply: 'Reply, verbatim',
        noText: '(no text received)',
        error: 'Error',
        note: 'Author’s note',
        seeBelow: (n: number) => `See Citation ${n} below.`,
        dismissed: (n: number) => `Citation ${n} was dismissed by the author and is not reproduced.`,
        missing: (n: number) => `There is no citation ${n} for this draft.`,
        none: 'No kept citations.',
        colophon: (at: string, version: string) => `Exported on ${at} by Ami ${version}.`,
      };
}

export type ExportLabels = ReturnType<typeof exportLabels>;

/** The citation number of the first turn of a follow-up's consultation, when that turn is among the citations. */
export function followUpOf(citation: Citation, all: Citation[]): number | null {
  const first = all.find((c) => c.consultation.id === citation.consultation.id && c.reply.turn === 0);
  return first ? first.reply.citationNumber : null;
}

export { kindName };

/** What was asked, for a reader: the template's name (and its kind when the name does not say it), or the follow-up. */
export function requestLabel(citation: Citation, all: Citation[], language: Language): string {
  if (citation.reply.turn > 0) return exportLabels(language).followUp(followUpOf(citation, all));
  const kind = kindName(citation.consultation.kind, language);
  const name = consultationRequestName(citation.consultation, language);
  return name.toLocaleLowerCase(language) === kind ? name : `${name} (${kind})`;
}
