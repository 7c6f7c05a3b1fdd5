// A request that failed before any text has no citation number: it is not reproduced, counted or numbered as a
// citation in any export, and the real citations keep contiguous numbers around it.
import { describe, expect, it } from 'vitest';
import { aiUseFacts, statementInputOf } from '../../shared/ai-use-statement.js';
import { keptCitations, numberedCitations } from '../../shared/export-input.js';
import { renderHtml } from '../../shared/export-html.js';
import { renderMarkdown } from '../../shared/export-markdown.js';
import { renderProvenance } from '../../shared/export-provenance.js';
import { citationThreads } from '../../renderer/features/citations/citation-threads.js';
import { editorAnchors } from '../../renderer/features/citations/editor-anchors.js';
import { citation, consultation, exportInput, reply } from './export-fixtures.js';

const c1 = consultation('c1');
const c2 = consultation('c2', { createdAt: '2026-03-01T10:00:00.000Z' });
const c3 = consultation('c3', { createdAt: '2026-03-01T11:00:00.000Z' });
const failed = { ...reply('r2', 'c2', 0, { text: '', status: 'failed', servedModel: null, provider: null, startedAt: '2026-03-01T10:00:00.000Z', error: { kind: 'no_credit', code: 'provider.no_credit', message: 'Your OpenRouter account does not have enough credits.' } }), citationNumber: null };
const citations = [
  citation(reply('r1', 'c1', 1), c1),
  citation(failed, c2),
  citation(reply('r3', 'c3', 2, { text: 'Second real reply.', startedAt: '2026-03-01T11:00:00.000Z' }), c3),
];
const TEXT = 'The cat slept on the mat. See [^c1] and [^c2].';

describe('a failed request in exports', () => {
  it('is left out of the citations, whose numbers stay contiguous', () => {
    expect(numberedCitations(citations).map((c) => c.reply.citationNumber)).toEqual([1, 2]);
    expect(keptCitations(citations).map((c) => c.reply.id)).toEqual(['r1', 'r3']);
  });

  it('is not reproduced in Markdown or HTML', () => {
    const md = renderMarkdown(exportInput(TEXT, citations));
    expect(md.match(/### Citation \d+/g)).toEqual(['### Citation 1', '### Citation 2']);
    expect(md).not.toContain('enough credits');
    const html = renderHtml(exportInput(TEXT, citations));
    expect(html.match(/id="citation-\d+"/g)).toEqual(['id="citation-1"', 'id="citation-2"']);
    expect(html).not.toContain('enough credits');
    expect(html).not.toContain('citation-null');
  });

  it('is not counted in the AI-use statement, but the provenance record lists it as a failed request', () => {
    const facts = aiUseFacts(statementInputOf(exportInput(TEXT, citations), 'en'));
    expect(facts).toMatchObject({ consultations: 2, replies: 2, incompleteReplies: 0 });
    const record = JSON.parse(renderProvenance(exportInput(TEXT, citations)));
    expect(record.citations.map((c: { number: number }) => c.number)).toEqual([1, 2]);
    expect(record.failedRequests).toEqual([expect.objectContaining({ replyId: 'r2', error: { kind: 'no_credit', code: 'provider.no_credit', message: expect.stringContaining('enough credits') } })]);
  });
});

describe('a failed request in the citations panel', () => {
  it('orders threads by when they were asked, failed ones included', () => {
    expect(citationThreads(citations, false).map((t) => t.consultationId)).toEqual(['c3', 'c2', 'c1']);
  });

  it('gives the editor its passage without a citation number', () => {
    const anchors = editorAnchors(citations);
    expect(anchors.find((a) => a.consultationId === 'c2')!.citationNumbers).toEqual([]);
    expect(anchors.find((a) => a.consultationId === 'c3')!.citationNumbers).toEqual([2]);
  });
});
