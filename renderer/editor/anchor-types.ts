import type { AnchorStatus } from '../../shared/domain';

/** What the app knows about one consultation's passage; offsets are only a hint (the last known position). */
export interface EditorAnchorInput {
  consultationId: string;
  from: number;
  to: number;
  passageText: string;
  citationNumbers: number[];
}

/** An anchor as the editor tracks it. A lost anchor keeps a collapsed position where its passage last was. */
export interface TrackedAnchor {
  readonly consultationId: string;
  readonly from: number;
  readonly to: number;
  readonly passageText: string;
  readonly citationNumbers: readonly number[];
  readonly status: AnchorStatus;
}
