// The draft Ami opens with on first start: a short guide the author can read, try things on, then delete.
import type { Language } from '../shared/domain.js';
import { frenchTypography } from '../shared/language.js';

const EN = {
  title: 'Welcome to Ami',
  text: [
    'This is your draft. Everything written here is yours: Ami never puts a model’s words into it.',
    '',
    'When you want another pair of eyes, select a sentence or a paragraph and choose what to ask: is it clear, how could it be better, are there mistakes, what does it evoke, or a question of your own. The model reads the whole draft as context but comments only on the passage you chose.',
    '',
    'Each reply is kept as a citation: quoted word for word, numbered, dated and attributed to the model that actually answered. You can add your own note to it, keep it or dismiss it. If you later change the passage, the citation stays attached to it and shows that the text has been edited since.',
    '',
    'To refer to a citation in your text, type its marker where you want it, like a footnote: `[^c1]` for citation 1. When you export your draft as Markdown or HTML, the markers link to an appendix of the citations you kept, followed by a statement of how AI was used.',
    '',
    'Try it on this paragraph, then delete this draft whenever you like.',
    '',
  ].join('\n'),
};

const FR = {
  title: 'Bienvenue dans Ami',
  text: [
    'Ceci est votre brouillon. Tout ce qui s’y écrit est à vous : Ami n’y met jamais les mots d’un modèle.',
    '',
    'Quand vous voulez un autre regard, sélectionnez une phrase ou un paragraphe et choisissez ce que vous demandez : est-ce clair, comment faire mieux, y a-t-il des fautes, qu’est-ce que cela évoque, ou une question à vous. Le modèle lit tout le brouillon comme contexte, mais ne commente que le passage choisi.',
    '',
    'Chaque réponse est conservée comme une citation : reproduite mot pour mot, numérotée, datée et attribuée au modèle qui a réellement répondu. Vous pouvez y ajouter votre propre note, la garder ou l’écarter. Si vous modifiez ensuite le passage, la citation y reste attachée et signale que le texte a changé depuis.',
    '',
    'Pour renvoyer à une citation dans votre texte, tapez son repère à l’endroit voulu, comme une note de bas de page : `[^c1]` pour la citation 1. À l’export en Markdown ou en HTML, les repères mènent à une annexe des citations gardées, suivie d’une déclaration sur l’usage de l’IA.',
    '',
    'Essayez sur ce paragraphe, puis supprimez ce brouillon quand vous voudrez.',
    '',
  ].join('\n'),
};

export function welcomeDraft(language: Language): { title: string; text: string } {
  return language === 'fr' ? { title: FR.title, text: frenchTypography(FR.text) } : EN;
}
