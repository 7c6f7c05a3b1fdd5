// The AI-use statement closing an export: how models were consulted for this draft, which models answered, and
// whether model text is in the draft. Facts first, then sentences built only from those facts.
import { REQUEST_KINDS, type Consultation, type Language, type Reply, type RequestKind } from './domain.js';
import { formatUtc, kindName, numberedCitations, type DraftGuard, type ExportInput } from './export-input.js';
import { replyFootprint, WORLD_GRID_INTENSITY } from './footprint.js';
import { frenchTypography } from './language.js';

export interface AiUseInput {
  consultations: Consultation[];
  replies: Reply[];
  draftSha256: string;
  guard?: DraftGuard;
  /** The exported draft text, so that the statement can quote the passages the check found. */
  draftText?: string;
  language: Language;
  /** gCO2e per kWh for the footprint estimate; the world average when not given. */
  gridIntensity?: number;
}

export interface AiUseFacts {
  consultations: number;
  /** Replies of every turn, follow-ups included. */
  replies: number;
  /** Consultations per request kind, built-in kinds first in their usual order. */
  kinds: { kind: RequestKind; count: number }[];
  /** Replies per served model (null: the provider did not say), most used first. */
  models: { model: string | null; count: number }[];
  /** Replies that are not complete: cut off, failed or still arriving. */
  incompleteReplies: number;
  /** What the replies cost (USD) as their providers said; unknown: replies whose cost was not said, left out of total. */
  cost: { total: number; unknown: number };
  /**
   * The replies' estimated footprint (EcoLogits' method, see shared/footprint.ts), summed as ranges; unknown: replies
   * it cannot estimate (no token count, or a local model whose power draw an export does not know).
   */
  footprint: { wh: [number, number]; gco2e: [number, number]; unknown: number; gridIntensity: number };
  firstAt: string | null;
  lastAt: string | null;
  draftSha256: string;
  /** What the check of the draft found; null when no check was run. */
  modelTextInDraft: { clean: boolean; spans: number; citationNumbers: number[]; passages: { citationNumber: number; excerpt: string }[] } | null;
}

const EXCERPT_CHARS = 160;

/** A found passage as one readable line: whitespace collapsed, long ones shortened in the middle of nothing. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : line;
}


/** What the statement is built from, for an export: every citation counts, kept or not; failed requests do not. */
export function statementInputOf(input: ExportInput, language: Language): AiUseInput {
  const citations = numberedCitations(input.citations);
  return {
    consultations: citations.map((c) => c.consultation),
    replies: citations.map((c) => c.reply),
    draftSha256: input.draftSha256,
    guard: input.guard,
    draftText: input.draft.text,
    language,
  };
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

export function aiUseFacts(input: AiUseInput): AiUseFacts {
  const consultations = uniqueBy(input.consultations, (c) => c.id);
  const replies = uniqueBy(input.replies, (r) => r.id);
  const kinds = [...REQUEST_KINDS, 'custom' as const]
    .map((kind) => ({ kind, count: consultations.filter((c) => c.kind === kind).length }))
    .filter((k) => k.count > 0);
  const byModel = new Map<string | null, number>();
  for (const r of replies) byModel.set(r.servedModel, (byModel.get(r.servedModel) ?? 0) + 1);
  const models = [...byModel]
    .map(([model, count]) => ({ model, count }))
    .sort((a, b) => b.count - a.count || (a.model ?? '\uffff').localeCompare(b.model ?? '\uffff'));
  const times = [...consultations.map((c) => c.createdAt), ...replies.map((r) => r.startedAt)]
    .map((iso) => ({ iso, ms: Date.parse(iso) }))
    .filter((t) => !Number.isNaN(t.ms))
    .sort((a, b) => a.ms - b.ms);
  const guard = input.guard;
  return {
    consultations: consultations.length,
    replies: replies.length,
    kinds,
    models,
    incompleteReplies: replies.filter((r) => r.status !== 'complete').length,
    cost: {
      total: replies.reduce((sum, r) => sum + (r.usage.cost ?? 0), 0),
      unknown: replies.filter((r) => r.usage.cost === null).length,
    },
    footprint: footprintOf(replies, input.gridIntensity ?? WORLD_GRID_INTENSITY),
    firstAt: times[0]?.iso ?? null,
    lastAt: times[times.length - 1]?.iso ?? null,
    draftSha256: input.draftSha256,
    modelTextInDraft: guard
      ? {
          clean: guard.clean,
          spans: guard.spans.length,
          citationNumbers: [...new Set(guard.spans.map((s) => s.citationNumber))].sort((a, b) => a - b),
          passages:
            input.draftText === undefined
              ? []
              : guard.spans.map((s) => ({ citationNumber: s.citationNumber, excerpt: excerpt(input.draftText!.slice(s.from, s.to)) })),
        }
      : null,
  };
}

/** How to write a model id, a hash: Markdown code for the Markdown statement, as is for plain text. */
type Code = (s: string) => string;

/** A one-line inline code span that no backtick in s can close early. */
export function markdownCode(s: string): string {
  const line = s.replace(/\s+/g, ' ').trim();
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

const plainCode: Code = (s) => s.replace(/\s+/g, ' ').trim();

function list(items: string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** US dollars as the providers bill them: small sums keep their significant digits. */
function usd(amount: number, language: Language): string {
  const digits = amount > 0 && amount < 0.01 ? 5 : 2;
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
}

function footprintOf(replies: Reply[], gridIntensity: number): AiUseFacts['footprint'] {
  const sum = { wh: [0, 0] as [number, number], gco2e: [0, 0] as [number, number], unknown: 0, gridIntensity };
  for (const r of replies) {
    const f = replyFootprint({
      model: r.servedModel,
      outputTokens: r.usage.completionTokens,
      local: r.usage.costSource === 'local',
      latencyMs: r.latencyMs,
      localPowerW: null,
      gridIntensity,
    });
    if (f.kind === 'unknown') {
      sum.unknown++;
      continue;
    }
    sum.wh = [sum.wh[0] + f.energyWh.low, sum.wh[1] + f.energyWh.high];
    sum.gco2e = [sum.gco2e[0] + f.co2eG.low, sum.gco2e[1] + f.co2eG.high];
  }
  return sum;
}

/** A range with two significant digits at most: the estimate is rough, and must not look precise. */
function rangeText(range: [number, number], language: Language): string {
  const n = (v: number) => new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-US', { maximumSignificantDigits: 2 }).format(v);
  return `${n(range[0])}–${n(range[1])}`;
}

/** The replies' estimated energy and CO2e, said as a range with its method, and what it leaves out. */
function footprintSentence(f: AiUseFacts['footprint'], replies: number, language: Language, hold: (s: string) => string): string {
  const fr = language === 'fr';
  if (f.unknown === replies) return fr ? 'L’empreinte de ces réponses ne peut pas être estimée.' : 'The footprint of these replies cannot be estimated.';
  const wh = hold(`${rangeText(f.wh, language)} Wh`);
  const co2 = hold(`${rangeText(f.gco2e, language)} g CO2e`);
  const grid = hold(`${Math.round(f.gridIntensity)} g CO2e/kWh`);
  const sentence = fr
    ? `Leur empreinte estimée est de ${wh} et ${co2} (méthode d’EcoLogits, électricité à ${grid} ; un ordre de grandeur, pas une mesure).`
    : `Their estimated footprint is ${wh} and ${co2} (EcoLogits’ method, electricity at ${grid}; an order of magnitude, not a measurement).`;
  if (f.unknown === 0) return sentence;
  return (
    sentence +
    (fr
      ? f.unknown === 1
        ? ' Une réponse n’a pas pu être estimée et n’est pas comptée.'
        : ` ${f.unknown} réponses n’ont pas pu être estimées et ne sont pas comptées.`
      : f.unknown === 1
        ? ' One reply could not be estimated and is not counted.'
        : ` ${f.unknown} replies could not be estimated and are not counted.`)
  );
}

/** The draft's total cost, saying which part of it is not known rather than counting it as nothing. */
function costSentence(cost: AiUseFacts['cost'], replies: number, language: Language, hold: (s: string) => string): string {
  const fr = language === 'fr';
  if (cost.unknown === replies) return fr ? 'Le coût de ces réponses n’est pas connu.' : 'The cost of these replies is not known.';
  // The amount is held out of the typography: Intl already spaces it as the language writes it.
  const total = hold(usd(cost.total, language));
  const sentence = fr ? `Ces réponses ont coûté ${total} en tout, selon les fournisseurs.` : `These replies cost ${total} in all, as the providers reported.`;
  if (cost.unknown === 0) return sentence;
  return (
    sentence +
    (fr
      ? cost.unknown === 1
        ? ' Le coût d’une réponse n’est pas connu et n’est pas compté.'
        : ` Le coût de ${cost.unknown} réponses n’est pas connu et n’est pas compté.`
      : cost.unknown === 1
        ? ' The cost of one reply is not known and is not counted.'
        : ` The cost of ${cost.unknown} replies is not known and is not counted.`)
  );
}

function paragraphs(f: AiUseFacts, language: Language, code: Code): string[] {
  const fr = language === 'fr';
  const s = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  // Model ids come from the provider: held out of the French typography so that they stay exactly as served.
  const held: string[] = [];
  const hold = (value: string) => `\u0001${held.push(code(value)) - 1}\u0001`;
  const keep = (value: string) => `\u0001${held.push(value) - 1}\u0001`;
  const out: string[] = [];

  if (f.consultations === 0) {
    out.push(fr ? 'Aucun modèle de langue n’a été consulté avec Ami pendant l’écriture de ce texte.' : 'No language model was consulted through Ami while this draft was written.');
  } else {
    const kinds = f.kinds.map((k) => `${kindName(k.kind, language)} ${k.count}`).join(', ');
    const first = f.firstAt ? formatUtc(f.firstAt, false) : null;
    const last = f.lastAt ? formatUtc(f.lastAt, false) : null;
    const when = !first || !last ? '' : first === last ? (fr ? `, le ${first}` : `, on ${first}`) : fr ? `, entre le ${first} et le ${last}` : `, between ${first} and ${last}`;
    const models = f.models.map((m) => `${m.model === null ? (fr ? 'un modèle non identifié' : 'an unidentified model') : hold(m.model)} (${m.count})`);
    out.push(
      fr
        ? `Pendant l’écriture de ce texte, des modèles de langue ont été consultés ${s(f.consultations, 'fois', 'fois')} avec Ami (${kinds})${when}, pour ${s(f.replies, 'réponse', 'réponses')} en tout, questions de suivi comprises.` +
            (models.length ? ` Les réponses ont été fournies par : ${list(models, language)}.` : '')
        : `While this draft was written, language models were consulted ${s(f.consultations, 'time', 'times')} through Ami (${kinds})${when}, for ${s(f.replies, 'reply', 'replies')} in all, follow-up questions included.` +
            (models.length ? ` The replies were served by ${list(models, language)}.` : ''),
    );
    if (f.incompleteReplies > 0) {
      const n = f.incompleteReplies;
      out[out.length - 1] += fr
        ? n === 1
          ? ' Une de ces réponses est incomplète (interrompue ou en échec) et signalée comme telle.'
          : ` ${n} de ces réponses sont incomplètes (interrompues ou en échec) et signalées comme telles.`
        : n === 1
          ? ' One of these replies is incomplete (cut off or failed) and marked as such.'
          : ` ${n} of these replies are incomplete (cut off or failed) and marked as such.`;
    }
  }

  if (f.replies > 0) out[out.length - 1] += ` ${costSentence(f.cost, f.replies, language, keep)} ${footprintSentence(f.footprint, f.replies, language, keep)}`;

  const check = f.modelTextInDraft;
  if (!check || (check.clean && check.spans === 0)) {
    const checked = check
      ? fr
        ? 'La vérification d’Ami n’a trouvé aucun passage du brouillon qui reprenne le texte d’une réponse de modèle. '
        : 'Ami’s check found no passage of the draft that reproduces model wording. '
      : '';
    out.push(
      checked +
      (fr
        ? 'Ami n’insère jamais de texte d’un modèle dans le brouillon : les réponses n’y figurent pas et ne sont reproduites ici que comme citations.'
        : 'Ami never inserts model text into the draft: the replies are not part of it and are reproduced here only as citations.'),
    );
  } else if (check.spans > 0) {
    const numbers = list(check.citationNumbers.map(String), language);
    out.push(
      fr
        ? `La vérification d’Ami a trouvé dans le brouillon ${s(check.spans, 'passage qui reprend', 'passages qui reprennent')} le texte de réponses de modèles (${check.citationNumbers.length === 1 ? 'citation' : 'citations'} ${numbers}).`
        : `Ami’s check found ${s(check.spans, 'passage', 'passages')} of the draft that ${check.spans === 1 ? 'reproduces' : 'reproduce'} text from model replies (${check.citationNumbers.length === 1 ? 'citation' : 'citations'} ${numbers}).`,
    );
    if (check.passages.length) {
      // The author's own text, quoted: held out of the typography so that it reads exactly as in the draft.
      const quoted = check.passages.map((p) => `${hold(`“${p.excerpt}”`)} (citation ${p.citationNumber})`);
      out[out.length - 1] += fr ? ` Ces passages : ${quoted.join(' ; ')}.` : ` These passages: ${quoted.join('; ')}.`;
    }
  } else {
    out.push(fr ? 'La vérification d’Ami n’a pas pu confirmer que le brouillon ne contient aucun texte de modèle.' : 'Ami’s check could not confirm that the draft contains no model text.');
  }

  out.push(fr ? `Empreinte SHA-256 du texte du brouillon : ${hold(f.draftSha256)}.` : `SHA-256 of the draft text: ${hold(f.draftSha256)}.`);
  return (fr ? out.map(frenchTypography) : out).map((p) => p.replace(/\u0001(\d+)\u0001/g, (_, i: string) => held[Number(i)]!));
}

/** The statement as Markdown paragraphs (text) and as plain paragraphs (plain, for HTML), with the facts behind it. */
export function aiUseStatement(input: AiUseInput): { text: string; plain: string; facts: AiUseFacts } {
  const facts = aiUseFacts(input);
  return {
    text: paragraphs(facts, input.language, markdownCode).join('\n\n'),
    plain: paragraphs(facts, input.language, plainCode).join('\n\n'),
    facts,
  };
}
