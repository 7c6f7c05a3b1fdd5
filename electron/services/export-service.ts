// Export: the draft exactly as authored plus the appendix of kept citations. Rendering lives in shared/;
// this gathers the facts from the store and, in Electron, hands the file to the native save dialog.
import type { ExportFile } from '../../shared/domain.js';
import { renderHtml } from '../../shared/export-html.js';
import { renderMarkdown } from '../../shared/export-markdown.js';
import { fail } from './ami-error.js';
import type { CitationsService } from './citations-service.js';
import type { DraftsService } from './drafts-service.js';
import { sha256, type ServiceContext } from './service-context.js';

export type ExportFormat = 'markdown' | 'html';

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
  return `${base}.${format === 'markdown' ? 'md' : 'html'}`;
}

export function exportService(
  ctx: ServiceContext,
  drafts: DraftsService,
  citations: CitationsService,
  appVersion: string,
  saveExport?: (file: ExportFile) => Promise<{ path: string } | null>,
) {
  function render(draftId: string, format: ExportFormat): ExportFile {
    const draft = drafts.get(draftId);
    const input = {
      draft,
      citations: citations.list(draftId),
      exportedAt: ctx.now().toISOString(),
      draftSha256: sha256(draft.text),
      appVersion,
    };
    return format === 'markdown'
      ? { filename: exportFilename(draft.title, format), mime: 'text/markdown;charset=utf-8', content: renderMarkdown(input) }
      : { filename: exportFilename(draft.title, format), mime: 'text/html;charset=utf-8', content: renderHtml(input) };
  }

  return {
    render,
    async save(draftId: string, format: ExportFormat): Promise<{ path: string } | null> {
      if (!saveExport) fail('unsupported', 'Saving to a file is done by your browser in this mode: use Export to download it.');
      return saveExport(render(draftId, format));
    },
  };
}
