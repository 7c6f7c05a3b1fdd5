// Consultations: one question about one passage, sent with the whole draft as context; the reply streams back and
// is stored verbatim with the model that served it. Reply text goes to the store and the renderer, never into a
// draft (invariant 1).
import type { AskInput, AskManyInput, AskPreview, AskStarted } from '../../shared/contract.js';
import { baseUrlNeedsKey, isOpenRouter, type AmiError, type ChatMessage, type Consultation, type Reply, type Route } from '../../shared/domain.js';
import { buildFollowUpMessages, buildMessages } from '../../shared/prompt.js';
import { detectLanguage } from '../../shared/language.js';
import { codedError } from '../llm/error-map.js';
import type { ChatOutcome } from '../llm/llm-client.js';
import { AmiFailure, fail } from './ami-error.js';
import type { DraftsService } from './drafts-service.js';
import type { MoneyService } from './money-service.js';
import { sha256, type ServiceContext } from './service-context.js';
import type { SettingsService } from './settings-service.js';
import type { Endpoint } from './endpoints.js';

/** Partial text is written to disk at most this often while streaming, so a crash keeps most of it. */
export const PARTIAL_SAVE_INTERVAL_MS = 1000;

const NO_KEY: AmiError = codedError('no_key', 'key.missing');

export function consultationsService(ctx: ServiceContext, drafts: DraftsService, settings: SettingsService, money: MoneyService) {
  const { store } = ctx;
  const active = new Map<string, AbortController>();
  const running = new Set<Promise<void>>();
  // Cost look-ups after replies run off the reply's path; quitting stops them.
  const lookups = new AbortController();

  /** The cost of a reply that ended without one, found after the fact; the renderer is told when it is known. */
  function settleCost(replyId: string, route: Route, apiKey: string): void {
    const reply = store.consultations.reply(replyId);
    if (!reply || reply.usage.cost !== null) return;
    const task = money
      .settleCost(reply, route, apiKey, lookups.signal)
      .then((changed) => {
        if (!changed || !store.db.open) return;
        const stored = store.consultations.reply(replyId)!;
        ctx.emit({ type: 'reply:end', replyId, consultationId: stored.consultationId, reply: stored });
      })
      .catch((err: unknown) => ctx.log(`cost look-up failed: ${err instanceof Error ? err.name : 'error'}`))
      .finally(() => running.delete(task));
    running.add(task);
  }

  /** The key to send; '' for a local server that needs none. A key only goes to the endpoint it belongs to. */
  function keyFor(endpoint: Endpoint | undefined, baseUrl: string): string {
    const key = endpoint?.keys.get();
    if (key) return key;
    if ((!endpoint || endpoint.builtin) && baseUrlNeedsKey(baseUrl)) throw new AmiFailure(NO_KEY);
    return '';
  }

  /**
   * The endpoint a stored route went to, found by its base URL (the built-in one first). A route to OpenRouter
   * from before a change of base URL still goes with the OpenRouter key; no other server ever gets it.
   */
  const endpointAt = (baseUrl: string): Endpoint | undefined => {
    const all = settings.endpoints();
    return all.find((e) => e.baseUrl === baseUrl) ?? (isOpenRouter(baseUrl) ? all[0] : undefined);
  };

  function prepare(input: AskInput) {
    const draft = drafts.get(input.draftId);
    const s = settings.get();
    const language = detectLanguage(input.text);
    const template = settings.templateFor(input.kind, language, input.templateId);
    if (input.kind === 'question' && !input.question.trim()) fail('validation', 'Write the question you want to ask about this passage.');
    const endpoint = settings.endpoint(input.endpointId);
    const route: Route = { baseUrl: endpoint.baseUrl, requestedModel: input.model ?? s.defaultModel, dataCollection: s.dataCollection };
    const passageText = input.text.slice(input.from, input.to);
    const messages = buildMessages({
      draftTitle: draft.title,
      draftText: input.text,
      from: input.from,
      to: input.to,
      instruction: template.instruction,
      kind: template.kind,
      question: input.question,
      language,
    });
    return { draft, endpoint, language, template, route, messages, passage: { from: input.from, to: input.to, text: passageText, hash: sha256(passageText) } };
  }

  /** Streams one turn in the background; every outcome, even a crash of the client, ends as a stored reply. */
  function stream(reply: Reply, route: Route, messages: ChatMessage[], apiKey: string): void {
    const controller = new AbortController();
    active.set(reply.id, controller);
    let text = '';
    let citationNumber = reply.citationNumber;
    let lastPartialSave = ctx.now().getTime();
    const started = ctx.now().getTime();

    const finish = (outcome: ChatOutcome) => {
      active.delete(reply.id);
      if (!store.db.open) return; // closed during shutdown: close() already stored what had arrived
      store.consultations.finishReply(reply.id, {
        text: outcome.text,
        servedModel: outcome.servedModel,
        provider: outcome.provider,
        generationId: outcome.generationId,
        finishReason: outcome.finishReason,
        promptTokens: outcome.usage.promptTokens,
        completionTokens: outcome.usage.completionTokens,
        cost: outcome.usage.cost,
        latencyMs: outcome.latencyMs,
        completedAt: ctx.now().toISOString(),
        status: outcome.status,
        error: outcome.error,
      });
      const stored = store.consultations.reply(reply.id)!;
      ctx.emit({ type: 'reply:end', replyId: reply.id, consultationId: reply.consultationId, reply: stored });
      settleCost(reply.id, route, apiKey);
    };

    const task = ctx.llm
      .chat({
        baseUrl: route.baseUrl,
        apiKey,
        model: route.requestedModel,
        messages,
        dataCollection: route.dataCollection,
        signal: controller.signal,
        onDelta: (delta) => {
          text += delta;
          if (citationNumber === null && store.db.open) citationNumber = store.consultations.numberReply(reply.id);
          ctx.emit({ type: 'reply:delta', replyId: reply.id, consultationId: reply.consultationId, delta, citationNumber });
          const now = ctx.now().getTime();
          if (now - lastPartialSave >= PARTIAL_SAVE_INTERVAL_MS && store.db.open) {
            lastPartialSave = now;
            store.consultations.savePartial(reply.id, text);
          }
        },
      })
      .then(finish, (err: unknown) => {
        ctx.log(`chat client failed unexpectedly: ${err instanceof Error ? err.name : 'error'}`);
        finish({
          status: text ? 'interrupted' : 'failed',
          text,
          servedModel: null,
          provider: null,
          generationId: null,
          finishReason: null,
          usage: { promptTokens: null, completionTokens: null, cost: null },
          latencyMs: ctx.now().getTime() - started,
          error: codedError('internal', 'internal.chat_failed'),
        });
      })
      .finally(() => running.delete(task));
    running.add(task);
  }

  function startTurn(consultation: Consultation, question: string, messages: ChatMessage[], apiKey: string): AskStarted {
    const reply = store.consultations.insertReply({
      id: ctx.newId(),
      consultationId: consultation.id,
      draftId: consultation.draftId,
      question,
      requestMessages: messages,
      startedAt: ctx.now().toISOString(),
    });
    stream(reply, consultation.route, messages, apiKey);
    return { consultationId: consultation.id, replyId: reply.id, citationNumber: reply.citationNumber };
  }

  async function askOf(input: Omit<AskInput, 'model'>, models: (string | undefined)[], opinionGroup: string | null): Promise<AskStarted[]> {
    const prepared = models.map((model) => prepare({ ...input, model }));
    const first = prepared[0]!;
    const apiKey = keyFor(first.endpoint, first.route.baseUrl);
    if (first.draft.trashedAt) fail('validation', 'This draft is in the trash. Restore it before asking about it.');
    if (input.previousId && !store.consultations.consultation(input.previousId)) fail('not_found', 'The earlier consultation no longer exists.');
    // The budget's hard stop is checked before anything is stored or sent: a refused question leaves no trace, and
    // a second opinion is refused whole rather than asked of some of its models.
    for (const p of prepared) await money.check({ route: p.route, messages: p.messages, kind: p.template.kind, passageChars: p.passage.text.length });
    const consultations = store.transaction(() => {
      // The text the author has in the editor is theirs: save it, and pin the revision the model is shown.
      if (first.draft.text !== input.text) store.drafts.saveText(first.draft.id, input.text, ctx.now().toISOString());
      const revisionId = drafts.recordRevision(first.draft.id, input.text, 'consultation');
      return prepared.map((p) => {
        const id = ctx.newId();
        store.consultations.insertConsultation({
          id,
          draftId: p.draft.id,
          revisionId,
          ...p.passage,
          kind: input.kind,
          templateId: p.template.id,
          templateName: p.template.name,
          question: input.question,
          language: p.language,
          ...p.route,
          draftHash: sha256(input.text),
          createdAt: ctx.now().toISOString(),
          previousId: input.previousId ?? null,
          opinionGroup,
        });
        return { consultation: store.consultations.consultation(id)!, messages: p.messages };
      });
    });
    const started = consultations.map((c) => startTurn(c.consultation, input.question, c.messages, apiKey));
    for (const p of prepared) settings.noteRecent(p.endpoint.id, p.route.requestedModel);
    return started;
  }

  return {
    async preview(input: AskInput): Promise<AskPreview> {
      const p = prepare(input);
      const money_ = await money.estimate({ route: p.route, messages: p.messages, kind: p.template.kind, passageChars: p.passage.text.length });
      return {
        ...money_,
        messages: p.messages,
        route: p.route,
        passage: p.passage,
        templateName: p.template.name,
        draftChars: input.text.length,
        keySet: p.endpoint.keys.get() !== null || !p.endpoint.builtin || !baseUrlNeedsKey(p.route.baseUrl),
      };
    },

    async ask(input: AskInput): Promise<AskStarted> {
      return (await askOf(input, [input.model], null))[0]!;
    },

    /**
     * A second opinion: the same passage and request of several models, each its own consultation (its own reply,
     * served model and citation) in one shared opinion group. All are stored before any request leaves, then each
     * streams, ends and can be cancelled on its own.
     */
    askMany(input: AskManyInput): Promise<AskStarted[]> {
      const { models, ...rest } = input;
      return askOf(rest, models, ctx.newId());
    },

    async followUp(input: { consultationId: string; question: string; model?: string }): Promise<AskStarted> {
      const consultation = store.consultations.consultation(input.consultationId) ?? fail('not_found', 'This consultation no longer exists.');
      if (input.model && input.model !== consultation.route.requestedModel) {
        fail('validation', 'A follow-up continues the conversation with the same model. To consult another model, ask a new question.');
      }
      const thread = store.consultations.repliesOfConsultation(consultation.id);
      if (thread[thread.length - 1]?.status === 'streaming') fail('validation', 'Wait for the current reply to finish (or cancel it) before asking a follow-up.');
      // A turn that got no text is not part of the conversation the model sees: continue from the last real reply.
      const last = thread.filter((r) => r.text).pop() ?? fail('not_found', 'This consultation has no reply to follow up on.');
      const apiKey = keyFor(endpointAt(consultation.route.baseUrl), consultation.route.baseUrl);
      const messages = buildFollowUpMessages(last.requestMessages, last.text, input.question);
      await money.check({ route: consultation.route, messages, kind: 'question', passageChars: consultation.passage.text.length });
      return startTurn(consultation, input.question, messages, apiKey);
    },

    cancel(replyId: string): { cancelled: boolean } {
      const controller = active.get(replyId);
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },

    /** Resolves when every reply under way has been stored. */
    async settle(): Promise<void> {
      while (running.size) await Promise.allSettled([...running]);
    },

    /** On quit: stops every stream and keeps what arrived, marked interrupted. */
    stopAll(): void {
      lookups.abort();
      for (const controller of active.values()) controller.abort();
    },
  };
}

export type ConsultationsService = ReturnType<typeof consultationsService>;
