import type { ComponentProps, MouseEvent } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { ami, isElectron } from '../../api/ami-api';

// Replies are hostile input: Markdown is rendered without raw HTML, links never navigate this window, and images
// are never fetched (a remote image could carry the draft away in its URL).

async function openLink(e: MouseEvent<HTMLAnchorElement>, href: string) {
  e.preventDefault();
  if (!window.confirm(`Open this link in your browser?\n\n${href}`)) return;
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
  return <span className="reply-image">{`[image: ${alt ?? ''}] (${typeof src === 'string' ? src : ''})`}</span>;
}

const components: Components = { a: ReplyLink, img: ReplyImage };

export function ReplyMarkdown({ text }: { text: string }) {
  return (
    <div className="reply-text">
      <Markdown components={components}>
        {text}
      </Markdown>
    </div>
  );
}
