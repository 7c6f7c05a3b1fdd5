// export:save in Electron: the native save dialog picks the place, and the file is written atomically so that an
// existing file is never left half replaced.
import type { ExportFile } from '../shared/domain.js';
import { extname, join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic.js';

export interface SaveDialogOptionsLike {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface SaveExportDeps {
  showSaveDialog(options: SaveDialogOptionsLike): Promise<{ canceled: boolean; filePath?: string }>;
  /** Folder proposed first (the user's Documents). */
  defaultDir: string;
  write?: (path: string, content: string) => Promise<void>;
  /** The dialog's title, in the interface language of the moment. */
  title?: () => string;
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.md': { name: 'Markdown', extensions: ['md'] },
  '.html': { name: 'HTML', extensions: ['html'] },
  '.json': { name: 'JSON', extensions: ['json'] },
};

/** The filter of the format the file was rendered in, read from the name the export service gave it. */
export function exportFilters(file: ExportFile): SaveDialogOptionsLike['filters'] {
  return [FILTERS[extname(file.filename).toLowerCase()] ?? FILTERS['.md']!];
}

export function createSaveExport(deps: SaveExportDeps): (file: ExportFile) => Promise<{ path: string } | null> {
  const write = deps.write ?? ((path, content) => writeFileAtomic(path, content));
  return async (file) => {
    const filters = exportFilters(file);
    const result = await deps.showSaveDialog({ title: deps.title?.() ?? 'Export', defaultPath: join(deps.defaultDir, file.filename), filters });
    if (result.canceled || !result.filePath) return null;
    // Some Linux dialogs return the name exactly as typed: give it the extension its format implies.
    const ext = `.${filters[0]?.extensions[0] ?? 'md'}`;
    const path = extname(result.filePath) ? result.filePath : `${result.filePath}${ext}`;
    await write(path, file.content);
    return { path };
  };
}
