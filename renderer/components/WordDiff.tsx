import { useMemo } from 'react';
import { wordDiff } from './word-diff';

interface Props {
  before: string;
  after: string;
  /** Names the comparison for assistive technology, e.g. "Changes since the question". */
  label: string;
}

/** A word-level diff as text: deletions in <del>, insertions in <ins>. Never built from HTML strings. */
export function WordDiff({ before, after, label }: Props) {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <div className="word-diff" role="group" aria-label={label}>
      {parts.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.kind === 'removed' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}
