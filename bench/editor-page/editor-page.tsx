// The editor bench page: ?editor=ami mounts Ami's DraftEditor (anchors, decorations, its update listener),
// ?editor=bare a plain CodeMirror EditorView with the same document and the Markdown language only, ?editor=wrapped
// the same with line wrapping. Both load the
// same draft from draft.json and expose the same probe, so the bench drives them identically.
import { createRoot } from 'react-dom/client';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { markdown } from '@codemirror/lang-markdown';
import { DraftEditor } from '../../renderer/editor/DraftEditor';
import type { EditorAnchorInput } from '../../renderer/editor/anchor-types';
import { installKeystrokeProbe } from './keystroke-probe';

interface BenchDraft {
  text: string;
  anchors: EditorAnchorInput[];
}

const host = document.getElementById('host')!;
const kind = new URLSearchParams(location.search).get('editor');
const draft = (await (await fetch('./draft.json')).json()) as BenchDraft;

if (kind === 'ami') {
  createRoot(host).render(
    <DraftEditor docKey="bench" initialText={draft.text} anchors={draft.anchors} activeConsultationId={null} onChange={() => {}} />,
  );
  // React mounts the view in a layout effect: wait for it.
  while (!host.querySelector('.cm-editor')) await new Promise((r) => requestAnimationFrame(r));
} else if (kind === 'bare' || kind === 'wrapped') {
  // 'wrapped' adds only line wrapping, which Ami's editor has: it separates the cost of wrapping long paragraphs
  // from the cost of Ami's own extensions.
  const extensions = kind === 'wrapped' ? [markdown(), EditorView.lineWrapping] : [markdown()];
  new EditorView({ state: EditorState.create({ doc: draft.text, extensions }), parent: host });
} else {
  throw new Error(`unknown editor "${kind}"`);
}
const view = EditorView.findFromDOM(host.querySelector<HTMLElement>('.cm-editor')!)!;
installKeystrokeProbe(view);
document.body.dataset.ready = kind;
