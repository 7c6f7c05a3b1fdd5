// A static server on 127.0.0.1 for bench pages, with optional extra routes (a pass-through to the fake
// OpenRouter for the first-token baseline).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  type: string;
  body: string | Buffer;
}

export interface FileServer {
  url: string;
  close(): Promise<void>;
}

export async function serveFiles(
  files: Record<string, ServedFile>,
  route?: (req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<FileServer> {
  const server = createServer((req, res) => {
    if (route?.(req, res)) return;
    const file = files[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
