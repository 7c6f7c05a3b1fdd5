// Turns the contract into one function: validate the input with the channel's zod schema, run the handler, and
// return errors as values. Both the Electron IPC registration and the browser-mode HTTP server call this, so the
// renderer sees exactly the same behaviour in both.
import { contract, type Channel, type Output, type ParsedInput } from '../../shared/contract.js';
import type { AmiError, Result } from '../../shared/domain.js';
import { toAmiError } from '../services/ami-error.js';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> };
export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);

const FIELD_NAMES: Record<string, string> = {
  text: 'This draft',
  title: 'The title',
  question: 'The question',
  note: 'The note',
  instruction: 'The instruction',
  name: 'The name',
};

/** A text over a documented limit is the author's doing, not a malformed request: say which limit, in characters. */
function tooLongMessage(issues: readonly { code: string; path: readonly PropertyKey[]; maximum?: unknown; origin?: string }[]): string | null {
  const issue = issues.find((i) => i.code === 'too_big' && i.origin === 'string' && typeof i.maximum === 'number');
  if (!issue) return null;
  const field = FIELD_NAMES[String(issue.path.at(-1))] ?? 'This text';
  return `${field} is longer than Ami accepts (at most ${(issue.maximum as number).toLocaleString('en-US')} characters). Nothing was saved or sent.`;
}

export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (channel, rawInput) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return { ok: false, error: { kind: 'validation', message: 'Unknown request.', detail: String(channel).slice(0, 100) } };
    }
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
        .join('; ');
      return { ok: false, error: { kind: 'validation', message: tooLongMessage(parsed.error.issues) ?? 'Ami refused a malformed request.', detail } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      const error: AmiError = toAmiError(err);
      // Log the kind and message only: inputs may hold the author's text or a key.
      log(`${channel} failed: ${error.kind}: ${error.message}`);
      return { ok: false, error };
    }
  };
}
