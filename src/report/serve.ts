/**
 * The report served live over HTTP on 127.0.0.1: the same pages as
 * `article-export report`, rendered on request from whatever the datasets
 * folder holds now, so a page reloaded after an upload shows the new article.
 * Documents are loaded once and again only after `invalidate()` (the caller
 * knows when the folder changed), not on every request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleHref, renderArticlePage } from './article-page.js';
import { renderIndexPage } from './index-page.js';
import { loadDatasets, type LoadedDatasets } from './load.js';
import { CSP } from './style.js';

export interface ReportServer {
  /** e.g. http://127.0.0.1:4321/ */
  readonly url: string;
  /** The folder changed: the next request reloads it. */
  invalidate(): void;
  close(): Promise<void>;
}

export async function serveReport(datasetsDir: string, opts: { port?: number; host?: string } = {}): Promise<ReportServer> {
  let loading: Promise<LoadedDatasets> | null = null;
  const load = () => (loading ??= loadDatasets(datasetsDir).catch((e) => {
    loading = null;
    throw e;
  }));

  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, {
      'content-type': status === 200 ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const data = await load();
    if (path === '/' || path === '/index.html') {
      return send(res, 200, renderIndexPage(data.documents, { errors: data.errors, skipped: data.skipped.length }));
    }
    const doc = data.documents.find((d) => `/${articleHref(d.article.article_id)}` === path);
    if (doc) return send(res, 200, renderArticlePage(doc));
    return send(res, 404, 'not found\n');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, `cannot read the datasets: ${(e as Error).message}\n`));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    invalidate: () => {
      loading = null;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
