// "Ask again": a new consultation about the passage as it is now, asked the same way as the old one and linked to
// it (previousId), so that both stay side by side and the history can tell the passage's story.
import type { Anchor, Consultation } from '../../../shared/domain';

export interface AskAgainInput {
  text: string;
  from: number;
  to: number;
  kind: Consultation['kind'];
  templateId?: string;
  question: string;
  model: string;
  previousId: string;
}

/** null when the passage is gone (nothing to ask about). */
export function askAgainInput(consultation: Consultation, text: string, anchor: Anchor): AskAgainInput | null {
  if (anchor.status === 'lost' || anchor.to <= anchor.from || anchor.to > text.length) return null;
  return {
    text,
    from: anchor.from,
    to: anchor.to,
    kind: consultation.kind,
    ...(consultation.templateId ? { templateId: consultation.templateId } : {}),
    question: consultation.question,
    model: consultation.route.requestedModel,
    previousId: consultation.id,
  };
}

export type RetryInput = Omit<AskAgainInput, 'previousId'>;

/** "Retry" of a request that failed before any text: the same request about the same passage, where it is now. */
export function retryInput(consultation: Consultation, text: string, anchor: Anchor): RetryInput | null {
  const input = askAgainInput(consultation, text, anchor);
  if (!input) return null;
  const { previousId: _previous, ...same } = input;
  return same;
}
