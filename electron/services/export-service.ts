// Export: the draft exactly as authored plus the appendix of kept citations. Rendering lives in shared/;
// this gathers the facts from the store and, in Electron, hands the file to the native save dialog.
import type { ExportFile } from '../../shared/domain.js';
import { renderHtml } from '../../shared/export-html.js';
import { renderMarkdown } from '../../shared/export-markdown.js';
import { renderProvenance } from '../../shared/export-provenance.js';
import type { ExportFormat } from '../../shared/contract.js';
import type { GuardService } from './guard-service.js';
import { fail } from './ami-error.js';
import type { CitationsService } from './citations-service.js';
import type { DraftsService } from './drafts-service.js';
import { sha256, type ServiceContext } from './service-context.js';


/** A file name from the title that every OS accepts. */
export function exportFilename(title: string, format: ExportFormat): string {
  const base =
    title
      .normalize('NFKC')
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 80)
      .trim() || 'Draft';
  return `${base}${{ markdown: '.md', html: '.html', json: '.provenance.json' }[format]}`;
}

export function exportService(
  ctx: ServiceContext,
  drafts: DraftsService,
  citations: CitationsService,
  guard: GuardService,
  appVersion: string,
  saveExport?: (file: ExportFile) => Promise<{ path: string } | null>,
) {
  function render(draftId: string, format: ExportFormat, acknowledgeModelWording = false): ExportFile {
    const draft = drafts.get(draftId);
    const report = guard.check(draft.text);
    if (!report.clean && !acknowledgeModelWording) {
      const n = report.spans.length;
      fail(
        'needs_confirmation',
        `${n === 1 ? 'One passage' : `${n} passages`} of this draft reproduce${n === 1 ? 's' : ''} a model's wording without quotation marks. Quote ${n === 1 ? 'it' : 'them'} as citations, or export anyway: the AI-use statement will then list ${n === 1 ? 'it' : 'them'}.`,
      );
    }
    const input = {
      draft,
      citations: citations.list(draftId),
      exportedAt: ctx.now().toISOString(),
      draftSha256: sha256(draft.text),
      appVersion,
      guard: { clean: report.clean, spans: report.spans.map((s) => ({ from: s.from, to: s.to, citationNumber: s.citationNumber })) },
    };
    const filename = exportFilename(draft.title, format);
    if (format === 'markdown') return { filename, mime: 'text/markdown;charset=utf-8', content: renderMarkdown(input) };
    if (format === 'html') return { filename, mime: 'text/html;charset=utf-8', content: renderHtml(input) };
    return { filename, mime: 'application/json;charset=utf-8', content: renderProvenance({ ...input, guardReport: report }) };
  }

  return {
    render,
    async save(draftId: string, format: ExportFormat, acknowledgeModelWording = false): Promise<{ path: string } | null> {
      if (!saveExport) fail('unsupported', 'Saving to a file is done by your browser in this mode: use Export to download it.');
      return saveExport(render(draftId, format, acknowledgeModelWording));
    },
  };
}
