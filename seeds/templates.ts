// The built-in request templates, one per kind and language. The instruction is what the model is asked to do
// with the marked passage; the frame around it (the reviewer's rules, the draft, the markers) is in shared/prompt.ts.
import type { BuiltinKind, Language, Template } from '../shared/domain.js';
import { frenchTypography } from '../shared/language.js';
import { requestName } from '../shared/request-names.js';

type Seed = { kind: BuiltinKind; instruction: Record<Language, string> };

const SEEDS: Seed[] = [
  {
    kind: 'clarity',
    instruction: {
      en:
        'Read the marked passage as a reader discovering it would, with only what comes before it in mind, and tell me whether it is explicit and understandable. ' +
        'Point to the exact places where a reader would stumble: a sentence that has to be read twice, an unclear referent (who "she" is, what "this" refers to), ' +
        'a term, name or reference that is never introduced, a step of the reasoning left implicit, a sentence that can be read two ways. ' +
        'For each one, quote the few words concerned and say what a reader might understand instead, or what they would need to know. ' +
        'If the passage is clear, say so plainly rather than inventing problems. Do not rewrite it.',
      fr:
        "Lis le passage balisé comme le lirait quelqu'un qui le découvre, avec seulement ce qui le précède en tête, et dis-moi s'il est explicite et compréhensible. " +
        "Indique précisément où un lecteur trébucherait : une phrase qu'il faut relire, un référent flou (qui est « elle », à quoi renvoie « cela »), " +
        'un terme, un nom ou une référence jamais introduits, une étape du raisonnement laissée implicite, une phrase qui peut se lire de deux façons. ' +
        "Pour chaque point, cite les quelques mots en cause et dis ce qu'un lecteur risque de comprendre à la place, ou ce qu'il lui faudrait savoir. " +
        "Si le passage est clair, dis-le simplement, sans inventer de problèmes. Ne le réécris pas.",
    },
  },
  {
    kind: 'suggestions',
    instruction: {
      en:
        'Give me your critique of the marked passage and advice on how I could improve it: what works and deserves to be kept, ' +
        'what weakens it (rhythm, repetition, vague or abstract words, structure, tone and register, how it fits the rest of the draft), and what I could try instead. ' +
        'Put the most important remarks first and explain the reason behind each, so that I can judge for myself. ' +
        'Do not rewrite the passage and do not propose replacement sentences: the writing stays mine. ' +
        'You may quote a few words at most to show a direction, never a finished version.',
      fr:
        "Donne-moi ta critique du passage balisé et des conseils pour l'améliorer : ce qui fonctionne et mérite d'être gardé, " +
        'ce qui l’affaiblit (rythme, répétitions, mots vagues ou abstraits, construction, ton et registre, cohérence avec le reste du brouillon), et les pistes que je pourrais essayer. ' +
        'Commence par les remarques les plus importantes et explique chaque fois pourquoi, pour que je puisse juger par moi-même. ' +
        "Ne réécris pas le passage et ne propose pas de phrases de remplacement : l'écriture reste la mienne. " +
        'Tu peux citer quelques mots au plus pour montrer une direction, jamais une version achevée.',
    },
  },
  {
    kind: 'proofread',
    instruction: {
      en:
        'Proofread the marked passage: spelling, grammar, agreement, punctuation and typography (quotation marks, apostrophes, dashes, spacing, capitals; ' +
        'in French text, also the no-break space before : ; ? ! and inside « guillemets »). ' +
        'List each problem as a numbered finding in the form: original → issue → why, quoting only the few words concerned. For example:\n' +
        '1. "their going" → "their" should be "they\'re" → contraction of "they are", not the possessive.\n' +
        'Never give the whole corrected passage. Leave deliberate stylistic choices alone, or mention them separately as questions. ' +
        'If you find nothing to correct, say so.',
      fr:
        "Relis le passage balisé pour l'orthographe, la grammaire, les accords, la ponctuation et la typographie " +
        '(guillemets « » plutôt que " ", apostrophes, tirets, majuscules accentuées, espace insécable avant : ; ? ! et à l’intérieur des guillemets, aucune espace avant la virgule et le point). ' +
        'Présente chaque problème comme une remarque numérotée sous la forme : original → problème → pourquoi, en ne citant que les quelques mots concernés. Par exemple :\n' +
        '1. « ils se sont parlés » → « parlés » devrait être « parlé » → avec se parler, « se » est complément indirect, le participe ne s’accorde pas.\n' +
        'Ne donne jamais le passage corrigé en entier. Respecte les choix de style délibérés, ou signale-les à part, sous forme de question. ' +
        "Si tu ne trouves rien à corriger, dis-le.",
    },
  },
  {
    kind: 'question',
    instruction: {
      en:
        'Answer my question about the marked passage, given below. Answer it directly and specifically, grounded in the passage and, where it helps, in the rest of the draft. ' +
        'If the text does not allow an answer, or if you are unsure, say so rather than guess. Do not rewrite the passage.',
      fr:
        'Réponds à ma question sur le passage balisé, posée plus bas. Réponds directement et précisément, en t’appuyant sur le passage et, si cela aide, sur le reste du brouillon. ' +
        "Si le texte ne permet pas de répondre, ou si tu n'es pas sûr, dis-le au lieu de deviner. Ne réécris pas le passage.",
    },
  },
  {
    kind: 'explore',
    instruction: {
      en:
        'Tell me what the marked passage evokes: the authors, works, concepts, currents of thought, traditions, images or motifs it echoes, extends or argues against, ' +
        'in any field (literature, philosophy, the sciences, history, the arts). ' +
        'For each one, be precise enough for me to look it up: full name, title of the work, date, and where it helps the chapter, the idea or the scene you have in mind, ' +
        'with one sentence on what links it to my text. A few solid, specific leads are worth more than a long list. ' +
        'Be honest about how sure you are: separate what you know from looser associations, and never invent a reference, a quotation, a title or a date. If you are unsure, say so.',
      fr:
        "Dis-moi ce que le passage balisé évoque : les auteurs, les œuvres, les concepts, les courants de pensée, les traditions, les images ou les motifs dont il se fait l'écho, qu'il prolonge ou qu'il contredit, " +
        'dans tous les domaines (littérature, philosophie, sciences, histoire, arts). ' +
        "Pour chacun, sois assez précis pour que je puisse le retrouver : nom complet, titre de l'œuvre, date et, si cela aide, le chapitre, l'idée ou la scène à laquelle tu penses, " +
        'avec une phrase sur ce qui le relie à mon texte. Quelques pistes solides et précises valent mieux qu’une longue liste. ' +
        "Sois honnête sur ton degré de certitude : distingue ce que tu sais des rapprochements plus libres, et n'invente jamais une référence, une citation, un titre ou une date. Si tu n'es pas sûr, dis-le.",
    },
  },
];

export const BUILTIN_TEMPLATES: Omit<Template, 'updatedAt'>[] = SEEDS.flatMap((seed) =>
  (['en', 'fr'] as const).map((language) => ({
    id: `builtin-${seed.kind}-${language}`,
    kind: seed.kind,
    language,
    // The same name as the Request menu, the preview, the citations and the exports give the kind.
    name: requestName(seed.kind, language),
    instruction: language === 'fr' ? frenchTypography(seed.instruction.fr) : seed.instruction.en,
    builtin: true,
  })),
);
