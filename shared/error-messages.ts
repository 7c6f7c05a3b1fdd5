// The sentences Ami says when a request to a model goes wrong, written once per language. An error carries a
// stable `code` and the `params` interpolated into its template, so a failure stored today can be read later in
// the other language; its English `message` is produced from the same `en` template here.
// Templates use i18next-style `{{param}}`; a time is a param holding an ISO date, written `{{at, time}}` (hour) or
// `{{at, date}}` (day and month) and formatted for the language.
import type { Language } from './domain.js';
import { frenchTypography } from './language.js';

const en = {
  'key.missing': 'Ami has no OpenRouter API key yet. Add one in Settings (or set OPENROUTER_API_KEY), then ask again.',
  'provider.bad_key': '{{service}} did not accept the API key (it may be missing or mistyped). Check it in Settings, then ask again.',
  'provider.key_disabled': '{{service}} says this API key is disabled or revoked: it can no longer be used. Create a new key on openrouter.ai and paste it in Settings, then ask again.',
  'provider.no_credit': 'Your OpenRouter account does not have enough credits for this request. Add credits on openrouter.ai, or choose a cheaper or free model.',
  'provider.moderation': 'The provider’s moderation refused this request for: {{reasons}}. Nothing was charged. Another model may answer.',
  'provider.moderation_unspecified': 'The provider’s moderation refused this request. Nothing was charged. Another model may answer.',
  'provider.forbidden': 'The provider refused this request (a guardrail or permission setting of your account). See the details, or try another model.',
  'provider.no_private_endpoint': 'No provider of {{model}} accepts requests with data collection denied. Choose another model, or change the privacy option in Settings.',
  'provider.bad_model': 'No provider serves the model “{{model}}”. Check its id, or choose another model.',
  'provider.daily_limit_today': 'You have used today’s free requests on OpenRouter. The limit resets at {{at, time}}. Models that are not free are not limited this way.',
  'provider.daily_limit_later': 'You have used today’s free requests on OpenRouter. The limit resets on {{at, date}} at {{at, time}}. Models that are not free are not limited this way.',
  'provider.daily_limit': 'You have used today’s free requests on OpenRouter. Ask again tomorrow, or choose a model that is not free: those are not limited this way.',
  'provider.rate_limited_in': '{{model}} is rate-limited right now (too many requests). Ask again in {{seconds}} seconds.',
  'provider.rate_limited_today': '{{model}} is rate-limited right now (too many requests). Ask again at {{at, time}}.',
  'provider.rate_limited_later': '{{model}} is rate-limited right now (too many requests). Ask again on {{at, date}} at {{at, time}}.',
  'provider.rate_limited_upstream': '{{provider}}, which serves {{model}}, is limiting requests right now. Wait a minute, then ask again, or choose another model.',
  'provider.rate_limited': '{{model}} is rate-limited right now (too many requests). Wait a minute, then ask again.',
  'provider.timeout': '{{model}} took too long to answer. Ask again, or choose another model.',
  'provider.context_too_long_tokens': 'The draft is too long for {{model}}: the request needs about {{requested}} tokens, and this model reads at most {{limit}}. Choose a model with a larger context, or ask from a shorter draft.',
  'provider.context_too_long': 'The draft is too long for {{model}}’s context window. Choose a model with a larger context, or ask from a shorter draft.',
  'provider.request_too_large': 'The request is too large for the provider. Ask from a shorter draft.',
  'provider.bad_request': 'The provider refused the request as invalid. The details say why; a different model or base URL may help.',
  'provider.upstream_failed_named': '{{provider}}, the provider serving {{model}}, did not answer {{service}} properly. Ask again in a moment, or choose another model.',
  'provider.upstream_failed': 'The provider serving {{model}} did not answer {{service}} properly. Ask again in a moment, or choose another model.',
  'provider.unavailable': 'No provider can serve {{model}} right now: they are unavailable or overloaded. Ask again in a few minutes, or choose another model.',
  'provider.server_error': '{{service}} had an internal error while handling this request. Ask again in a moment.',
  'provider.down': 'The provider of {{model}} failed or is unavailable right now. Ask again in a moment, or choose another model.',
  'stream.broke_off_named': '{{provider}} broke off in the middle of the reply from {{model}}. What arrived is kept and marked as incomplete; ask again for a whole reply.',
  'stream.broke_off': 'The provider of {{model}} broke off in the middle of the reply. What arrived is kept and marked as incomplete; ask again for a whole reply.',
  'stream.stalled_partial': '{{model}} stopped sending for {{seconds}} seconds, so the reply was cut off there. What arrived is kept and marked as incomplete.',
  'stream.stalled_empty': '{{model}} sent nothing for {{seconds}} seconds, so Ami gave up. Ask again, or choose another model.',
  'stream.cut_partial': 'The connection ended before the reply was finished: it was cut off. What arrived is kept and marked as incomplete.',
  'stream.cut_empty': 'The connection ended before any reply arrived (the answer was cut off). Ask again.',
  'stream.unreadable': 'The provider sent a reply Ami cannot read (part of the stream is not valid data). Ask again, or choose another model.',
  'stream.no_choices': 'The provider answered without any reply in its response. Ask again, or choose another model.',
  'stream.not_a_stream': 'The server answered with something that is not a model’s reply ({{contentType}}). A proxy or a wrong base URL is the likely cause: check the base URL in Settings.',
  'stream.empty_reply': '{{model}} answered with no text at all. Ask again, rephrase the question, or choose another model.',
  'network.unreachable': 'Ami could not reach {{host}}. Check your connection (or that the local model server is running), then ask again.',
  'models.unreadable': 'The list of models could not be read (it is not in the expected format). Check the base URL in Settings.',
  'models.too_large': 'The list of models from {{host}} is larger than {{megabytes}} MB, so Ami did not read it. Check the base URL in Settings.',
  'request.cancelled': 'You cancelled this reply. What arrived before is kept and marked as incomplete.',
  'request.closed': 'Ami was closed while this reply was arriving. What arrived is kept and marked as incomplete.',
  'internal.chat_failed': 'The request failed inside Ami. What arrived is kept and marked as incomplete.',
  'budget.zero': 'Your monthly budget is {{limit, usd}}, which means Ami sends nothing that costs, and {{model}} is not free. Nothing was sent; your draft and question are as they were. Choose a free or local model, or change the budget in Settings.',
  'budget.reached': 'This month’s spend ({{spent, usd}}) has reached your budget of {{limit, usd}} and the hard stop is on, so nothing was sent; your draft and question are as they were. Change the budget in Settings, or choose a free or local model.',
  'budget.would_exceed': 'This request could cost up to {{cost, usd}}, which would take this month’s spend ({{spent, usd}}) past your budget of {{limit, usd}}. The hard stop is on, so nothing was sent; your draft and question are as they were. Change the budget in Settings, or choose a cheaper, free or local model.',
  'budget.unknown_cost': 'Ami could not learn the price of {{model}}, so it cannot tell whether this request fits your budget of {{limit, usd}}. The hard stop is on, so nothing was sent; your draft and question are as they were. Try again later, or choose another model.',
} as const;

export type ErrorCode = keyof typeof en;
export type ErrorParams = Record<string, string | number>;

const fr: Record<ErrorCode, string> = {
  'key.missing': 'Ami n’a pas encore de clé d’API OpenRouter. Ajoutez-en une dans les Réglages (ou définissez OPENROUTER_API_KEY), puis reposez la question.',
  'provider.bad_key': '{{service}} n’a pas accepté la clé d’API (elle manque peut-être, ou contient une faute de frappe). Vérifiez-la dans les Réglages, puis reposez la question.',
  'provider.key_disabled': '{{service}} indique que cette clé d’API est désactivée ou révoquée : elle ne peut plus servir. Créez une nouvelle clé sur openrouter.ai et collez-la dans les Réglages, puis reposez la question.',
  'provider.no_credit': 'Votre compte OpenRouter n’a pas assez de crédits pour cette demande. Ajoutez des crédits sur openrouter.ai, ou choisissez un modèle moins cher ou gratuit.',
  'provider.moderation': 'La modération du fournisseur a refusé cette demande pour : {{reasons}}. Rien n’a été facturé. Un autre modèle répondra peut-être.',
  'provider.moderation_unspecified': 'La modération du fournisseur a refusé cette demande. Rien n’a été facturé. Un autre modèle répondra peut-être.',
  'provider.forbidden': 'Le fournisseur a refusé cette demande (un garde-fou ou un réglage d’autorisation de votre compte). Consultez les détails, ou essayez un autre modèle.',
  'provider.no_private_endpoint': 'Aucun fournisseur de {{model}} n’accepte de demandes qui refusent la collecte de données. Choisissez un autre modèle, ou changez l’option de confidentialité dans les Réglages.',
  'provider.bad_model': 'Aucun fournisseur ne sert le modèle « {{model}} ». Vérifiez son identifiant, ou choisissez un autre modèle.',
  'provider.daily_limit_today': 'Vous avez utilisé les demandes gratuites du jour sur OpenRouter. La limite se réinitialise à {{at, time}}. Les modèles payants ne sont pas limités ainsi.',
  'provider.daily_limit_later': 'Vous avez utilisé les demandes gratuites du jour sur OpenRouter. La limite se réinitialise le {{at, date}} à {{at, time}}. Les modèles payants ne sont pas limités ainsi.',
  'provider.daily_limit': 'Vous avez utilisé les demandes gratuites du jour sur OpenRouter. Reposez la question demain, ou choisissez un modèle payant : ceux-là ne sont pas limités ainsi.',
  'provider.rate_limited_in': '{{model}} reçoit trop de demandes en ce moment. Reposez la question dans {{seconds}} secondes.',
  'provider.rate_limited_today': '{{model}} reçoit trop de demandes en ce moment. Reposez la question à {{at, time}}.',
  'provider.rate_limited_later': '{{model}} reçoit trop de demandes en ce moment. Reposez la question le {{at, date}} à {{at, time}}.',
  'provider.rate_limited_upstream': '{{provider}}, qui sert {{model}}, limite les demandes en ce moment. Attendez une minute, puis reposez la question, ou choisissez un autre modèle.',
  'provider.rate_limited': '{{model}} reçoit trop de demandes en ce moment. Attendez une minute, puis reposez la question.',
  'provider.timeout': '{{model}} a mis trop de temps à répondre. Reposez la question, ou choisissez un autre modèle.',
  'provider.context_too_long_tokens': 'Le brouillon est trop long pour {{model}} : la demande compte environ {{requested}} jetons, et ce modèle en lit au plus {{limit}}. Choisissez un modèle au contexte plus large, ou posez la question depuis un brouillon plus court.',
  'provider.context_too_long': 'Le brouillon dépasse la fenêtre de contexte de {{model}}. Choisissez un modèle au contexte plus large, ou posez la question depuis un brouillon plus court.',
  'provider.request_too_large': 'La demande est trop volumineuse pour le fournisseur. Posez la question depuis un brouillon plus court.',
  'provider.bad_request': 'Le fournisseur a jugé la demande invalide. Les détails disent pourquoi ; un autre modèle ou une autre URL de base peut aider.',
  'provider.upstream_failed_named': '{{provider}}, le fournisseur qui sert {{model}}, n’a pas répondu correctement à {{service}}. Reposez la question dans un instant, ou choisissez un autre modèle.',
  'provider.upstream_failed': 'Le fournisseur qui sert {{model}} n’a pas répondu correctement à {{service}}. Reposez la question dans un instant, ou choisissez un autre modèle.',
  'provider.unavailable': 'Aucun fournisseur ne peut servir {{model}} en ce moment : ils sont indisponibles ou surchargés. Reposez la question dans quelques minutes, ou choisissez un autre modèle.',
  'provider.server_error': '{{service}} a rencontré une erreur interne en traitant cette demande. Reposez la question dans un instant.',
  'provider.down': 'Le fournisseur de {{model}} a échoué ou n’est pas disponible en ce moment. Reposez la question dans un instant, ou choisissez un autre modèle.',
  'stream.broke_off_named': '{{provider}} s’est interrompu au milieu de la réponse de {{model}}. Ce qui est arrivé est gardé et marqué comme incomplet ; reposez la question pour une réponse entière.',
  'stream.broke_off': 'Le fournisseur de {{model}} s’est interrompu au milieu de la réponse. Ce qui est arrivé est gardé et marqué comme incomplet ; reposez la question pour une réponse entière.',
  'stream.stalled_partial': '{{model}} n’a plus rien envoyé pendant {{seconds}} secondes : la réponse a été coupée là. Ce qui est arrivé est gardé et marqué comme incomplet.',
  'stream.stalled_empty': '{{model}} n’a rien envoyé pendant {{seconds}} secondes : Ami a abandonné. Reposez la question, ou choisissez un autre modèle.',
  'stream.cut_partial': 'La connexion s’est fermée avant la fin de la réponse : elle a été coupée. Ce qui est arrivé est gardé et marqué comme incomplet.',
  'stream.cut_empty': 'La connexion s’est fermée avant qu’aucune réponse n’arrive (la réponse a été coupée). Reposez la question.',
  'stream.unreadable': 'Le fournisseur a envoyé une réponse qu’Ami ne peut pas lire (une partie du flux n’est pas valide). Reposez la question, ou choisissez un autre modèle.',
  'stream.no_choices': 'Le fournisseur a répondu sans aucune réponse dans son message. Reposez la question, ou choisissez un autre modèle.',
  'stream.not_a_stream': 'Le serveur a renvoyé autre chose qu’une réponse de modèle ({{contentType}}). La cause probable est un proxy ou une mauvaise URL de base : vérifiez l’URL de base dans les Réglages.',
  'stream.empty_reply': '{{model}} a répondu sans aucun texte. Reposez la question, reformulez-la, ou choisissez un autre modèle.',
  'network.unreachable': 'Ami n’a pas pu joindre {{host}}. Vérifiez votre connexion (ou que le serveur de modèles local tourne), puis reposez la question.',
  'models.unreadable': 'La liste des modèles est illisible (elle n’a pas le format attendu). Vérifiez l’URL de base dans les Réglages.',
  'models.too_large': 'La liste des modèles de {{host}} dépasse {{megabytes}} Mo : Ami ne l’a pas lue. Vérifiez l’URL de base dans les Réglages.',
  'request.cancelled': 'Vous avez annulé cette réponse. Ce qui était arrivé est gardé et marqué comme incomplet.',
  'request.closed': 'Ami a été fermé pendant que cette réponse arrivait. Ce qui est arrivé est gardé et marqué comme incomplet.',
  'internal.chat_failed': 'La demande a échoué dans Ami. Ce qui est arrivé est gardé et marqué comme incomplet.',
  'budget.zero': 'Votre budget mensuel est de {{limit, usd}} : Ami n’envoie donc rien de payant, et {{model}} n’est pas gratuit. Rien n’a été envoyé ; votre brouillon et votre question sont restés tels quels. Choisissez un modèle gratuit ou local, ou modifiez le budget dans les Réglages.',
  'budget.reached': 'Les dépenses de ce mois ({{spent, usd}}) ont atteint votre budget de {{limit, usd}} et l’arrêt strict est activé : rien n’a été envoyé ; votre brouillon et votre question sont restés tels quels. Modifiez le budget dans les Réglages, ou choisissez un modèle gratuit ou local.',
  'budget.would_exceed': 'Cette demande pourrait coûter jusqu’à {{cost, usd}}, ce qui porterait les dépenses de ce mois ({{spent, usd}}) au-delà de votre budget de {{limit, usd}}. L’arrêt strict est activé : rien n’a été envoyé ; votre brouillon et votre question sont restés tels quels. Modifiez le budget dans les Réglages, ou choisissez un modèle moins cher, gratuit ou local.',
  'budget.unknown_cost': 'Ami n’a pas pu connaître le prix de {{model}} : il ne peut donc pas savoir si cette demande tient dans votre budget de {{limit, usd}}. L’arrêt strict est activé : rien n’a été envoyé ; votre brouillon et votre question sont restés tels quels. Réessayez plus tard, ou choisissez un autre modèle.',
};

// The same French typography as the interface catalogues (no-break spaces before : ; ? !).
const frTypeset = Object.fromEntries(Object.entries(fr).map(([code, text]) => [code, frenchTypography(text)])) as Record<ErrorCode, string>;

export const ERROR_MESSAGES: { en: Record<ErrorCode, string>; fr: Record<ErrorCode, string> } = { en, fr: frTypeset };

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(en, code);
}

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

function formatValue(value: string | number | undefined, format: string | undefined, lang: Language): string {
  if (value === undefined) return '';
  if (format === 'time' || format === 'date') {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) return String(value);
    return format === 'time'
      ? date.toLocaleTimeString(LOCALES[lang], { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleDateString(LOCALES[lang], { day: 'numeric', month: 'long' });
  }
  if (format === 'usd') {
    const n = Number(value);
    if (!Number.isFinite(n)) return String(value);
    const digits = n !== 0 && Math.abs(n) < 0.1 ? 4 : 2;
    return new Intl.NumberFormat(lang === 'en' ? 'en-US' : LOCALES[lang], { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  }
  return String(value);
}

/** The sentence for an error code in a language, with its params interpolated. */
export function errorMessage(code: ErrorCode, params: ErrorParams = {}, lang: Language = 'en'): string {
  const template = ERROR_MESSAGES[lang][code] ?? ERROR_MESSAGES.en[code];
  return template.replace(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (_, name: string, format: string | undefined) => formatValue(params[name], format, lang));
}
