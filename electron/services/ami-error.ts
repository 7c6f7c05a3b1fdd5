// Errors thrown inside services become AmiError values at the boundary (see ipc/dispatch.ts).
import type { AmiError, ErrorKind } from '../../shared/domain.js';

/** An error a service throws on purpose, carrying the value the renderer will see. */
export class AmiFailure extends Error {
  constructor(readonly error: AmiError) {
    super(error.message);
    this.name = 'AmiFailure';
  }
}

export function fail(kind: ErrorKind, message: string, extra: Omit<AmiError, 'kind' | 'message'> = {}): never {
  throw new AmiFailure({ kind, message, ...extra });
}

export function toAmiError(err: unknown): AmiError {
  if (err instanceof AmiFailure) return err.error;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    return {
      kind: 'storage',
      message: 'Ami could not read or write its database. Your text is still in the editor; try again, and if it persists restart Ami.',
      detail: code,
    };
  }
  return {
    kind: 'internal',
    message: 'Something went wrong inside Ami. Your text is still in the editor.',
    detail: err instanceof Error ? err.message.slice(0, 500) : undefined,
  };
}
