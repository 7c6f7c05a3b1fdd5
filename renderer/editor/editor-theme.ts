import { EditorView } from '@codemirror/view';

// Colours come from the app's CSS variables so that its light/dark theme (prefers-color-scheme) applies here;
// the fallbacks keep the editor readable if the variables are missing.
export const draftTheme = EditorView.theme({
  '&': {
    color: 'var(--ami-fg, #1d1d1f)',
    backgroundColor: 'var(--ami-bg, #fdfcf9)',
    height: '100%',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--ami-font-writing, Charter, "Iowan Old Style", "Palatino Linotype", Georgia, serif)',
    lineHeight: '1.7',
    fontSize: 'var(--ami-font-size, 1.1rem)',
  },
  '.cm-content': {
    maxWidth: '72ch',
    margin: '0 auto',
    padding: '2.5rem 1.5rem 40vh',
    caretColor: 'var(--ami-accent, #3b6fd8)',
  },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--ami-accent, #3b6fd8)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--ami-selection, color-mix(in srgb, var(--ami-accent, #3b6fd8) 28%, transparent))',
  },
  '.cm-placeholder': { color: 'var(--ami-muted, #8a8a8e)', fontStyle: 'italic' },
  '.cm-ami-passage': {
    backgroundColor: 'var(--ami-mark, rgba(234, 179, 8, 0.14))',
    textDecoration: 'underline',
    textDecorationColor: 'var(--ami-accent, #3b6fd8)',
    textDecorationThickness: '1px',
    textUnderlineOffset: '0.25em',
    cursor: 'pointer',
    borderRadius: '2px',
  },
  '.cm-ami-passage-edited': { textDecorationStyle: 'dashed' },
  '.cm-ami-passage-active': {
    backgroundColor: 'var(--ami-mark-active, rgba(234, 179, 8, 0.38))',
    textDecorationThickness: '2px',
  },
  '.cm-ami-passage-flash': { animation: 'ami-passage-flash 1.2s ease-out' },
  '.cm-ami-ghost': {
    color: 'inherit',
    textDecoration: 'underline wavy',
    textDecorationColor: 'var(--ami-danger, #a3321f)',
    textDecorationThickness: '1px',
    textUnderlineOffset: '0.3em',
    backgroundColor: 'color-mix(in srgb, var(--ami-danger, #a3321f) 9%, transparent)',
    cursor: 'pointer',
  },
  '@keyframes ami-passage-flash': {
    '0%': { backgroundColor: 'var(--ami-accent, #3b6fd8)', color: 'var(--ami-bg, #fdfcf9)' },
    '100%': {},
  },
  '@media (prefers-reduced-motion: reduce)': {
    '.cm-ami-passage-flash': { animation: 'none', outline: '2px solid var(--ami-accent, #3b6fd8)' },
  },
});
