// `npm run bench`: performance measured as ratios against baselines taken in the same run, then the long crash run.
import { autosaveBench } from './autosave.bench.js';
import { concurrentStreamsBench } from './concurrent-streams.bench.js';
import { bigDocumentBench } from './big-document.bench.js';
import { crashBench } from './crash.bench.js';
import { editorBench } from './editor.bench.js';
import { firstTokenBench } from './first-token.bench.js';
import { guardBench } from './guard.bench.js';
import { pickerBench } from './picker.bench.js';

const only = process.argv[2];
const benches: Record<string, () => void | Promise<void>> = {
  guard: guardBench,
  autosave: autosaveBench,
  editor: editorBench,
  'first-token': firstTokenBench,
  'concurrent-streams': concurrentStreamsBench,
  'big-document': bigDocumentBench,
  picker: pickerBench,
  crash: crashBench,
};
for (const [name, run] of Object.entries(benches)) if (!only || only === name) await run();
