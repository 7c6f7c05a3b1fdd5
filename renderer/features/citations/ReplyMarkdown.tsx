import { Component, type ComponentProps, type MouseEvent, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { markdownTooComplex } from '../../../shared/markdown-limits';
import { ami, isElectron } from '../../api/ami-api';
import { t } from '../../i18n';

// Replies are hostile input: Markdown is rendered without raw HTML, links never navigate this window, and images
// are never fetched (a remote image could carry the draft away in its URL). Markdown that would freeze or crash the
// parser (see shared/markdown-limits.ts) is shown as plain text rather than taking the window down.

async function openLink(e: MouseEvent<HTMLAnchorElement>, href: string) {
  e.preventDefault();
  if (!window.confirm(t('citations.openLink', { url: href }))) return;
  await ami['links:open']({ url: href });
}

function ReplyLink({ href, children }: ComponentProps<'a'>) {
  const url = href ?? '';
  if (isElectron() && url.startsWith('https:')) {
    return (
      <a href={url} title={url} onClick={(e) => void openLink(e, url)} rel="noreferrer">
        {children}
      </a>
    );
  }
  const label = typeof children === 'string' ? children : null;
  return (
    <span className="reply-link">
      {children}
      {url && label !== url && <span className="reply-url"> ({url})</span>}
    </span>
  );
}

function ReplyImage({ alt, src }: ComponentProps<'img'>) {
  return <span className="reply-image">{t('citations.image', { alt: alt ?? '', src: typeof src === 'string' ? src : '' })}</span>;
}

const components: Components = { a: ReplyLink, img: ReplyImage };

function PlainReply({ text, why }: { text: string; why: string }) {
  return (
    <>
      <p className="muted small">{t('citations.plainBecause', { why })}</p>
      <pre className="reply-plain">{text}</pre>
    </>
  );
}

/** A last resort for input the limits did not foresee: a parser failure shows the text plainly. */
class PlainTextFallback extends Component<{ text: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PlainReply text={this.props.text} why={t('citations.unreadable')} /> : this.props.children;
  }
}

export function ReplyMarkdown({ text }: { text: string }) {
  const tooComplex = markdownTooComplex(text);
  if (tooComplex) {
    return (
      <div className="reply-text">
        <PlainReply text={text} why={t(`citations.${tooComplex}`)} />
      </div>
    );
  }
  return (
    <div className="reply-text">
      <PlainTextFallback text={text}>
        <Markdown components={components}>{text}</Markdown>
      </PlainTextFallback>
    </div>
  );
}
