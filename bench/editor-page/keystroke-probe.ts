// Per keystroke: from the key event's timestamp (when the browser received the input) to the end of the next frame
// that painted it. A requestAnimationFrame callback runs before that frame's style, layout and paint; a message
// posted from it is delivered only after them, so its arrival time marks the paint.
import { EditorView } from '@codemirror/view';

export interface KeystrokeProbe {
  /** Key events seen, so that a reader knows `pending` belongs to the key it just sent. */
  keys: number;
  /** Resolves with the last keystroke's latency in milliseconds. */
  pending: Promise<number> | null;
  placeCursor(pos: number): void;
  text(from: number, to: number): string;
  docLength(): number;
  anchorCount(): number;
}

declare global {
  interface Window {
    keystrokeProbe: KeystrokeProbe;
  }
}

function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

export function installKeystrokeProbe(view: EditorView): void {
  const probe: KeystrokeProbe = {
    keys: 0,
    pending: null,
    placeCursor(pos) {
      view.focus();
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    },
    text: (from, to) => view.state.sliceDoc(from, to),
    docLength: () => view.state.doc.length,
    anchorCount: () => view.dom.querySelectorAll('.cm-ami-passage').length,
  };
  // Capture phase on window: before CodeMirror's own handlers see the key.
  window.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      probe.keys++;
      probe.pending = afterNextPaint().then((end) => end - start);
    },
    true,
  );
  window.keystrokeProbe = probe;
}
