/**
 * A loopback HTTP proxy in front of s3rver that, while armed, answers a share of
 * the requests on one bucket with the errors S3 really returns under stress:
 * 500 InternalError and 503 SlowDown, with S3's XML error body. Half of the
 * faults happen before the request reaches the server (nothing written), half
 * after it (written, but the client sees an error and retries: the nastier
 * case). While the server behind is stopped, connections are dropped, as a
 * client of a dead server sees. Bounded: the fault window closes after
 * `maxFaults` faults or `windowMs`, whichever comes first; only 127.0.0.1 is
 * ever bound or contacted.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { prng } from '../../src/entities/training/perceptron.js';

export interface FaultProxyOptions {
  /** s3rver's port on 127.0.0.1. */
  targetPort: number;
  /** Only path-style requests on this bucket are faulted. */
  bucket: string;
  /** Share of eligible requests answered with an error while armed (0..1). */
  rate: number;
  maxFaults: number;
  windowMs: number;
  /** Methods eligible for faults (S3 DeleteObjects is a POST). */
  methods?: string[];
  /** Extra random latency (0..latencyMs) on every forwarded request, to interleave concurrent writers. */
  latencyMs?: number;
  seed?: number;
}

export interface FaultStats {
  requests: number;
  faults: number;
  byCode: Record<string, number>;
  byMethod: Record<string, number>;
  /** Faults answered after the server had applied the request. */
  afterApplied: number;
  /** Requests whose connection was dropped because the server behind was down. */
  upstreamDown: number;
}

export interface FaultProxy {
  endpoint: string;
  stats: FaultStats;
  /** Opens the fault window. */
  arm(): void;
  /** Closes it early. */
  disarm(): void;
  /** Resolves when the window has closed (count or time bound reached). */
  windowClosed(): Promise<void>;
  close(): Promise<void>;
}

/** The trainer's seeded PRNG (mulberry32): the same seed gives the same fault pattern for the same request order. */
export { prng };

const S3_ERRORS = [
  { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
  { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
] as const;

function s3ErrorXml(code: string, message: string, resource: string, requestId: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${esc(message)}</Message><Resource>${esc(resource)}</Resource>` +
    `<RequestId>${requestId}</RequestId><HostId>fault-proxy</HostId></Error>`
  );
}

export async function startFaultProxy(o: FaultProxyOptions): Promise<FaultProxy> {
  const random = prng(o.seed ?? 42);
  const methods = new Set(o.methods ?? ['GET', 'PUT', 'DELETE', 'POST']);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const stats: FaultStats = { requests: 0, faults: 0, byCode: {}, byMethod: {}, afterApplied: 0, upstreamDown: 0 };
  let armedUntil = 0;
  let closeWindow: () => void = () => {};
  const closed = new Promise<void>((r) => (closeWindow = r));
  let windowTimer: NodeJS.Timeout | undefined;
  const armed = () => armedUntil > 0 && Date.now() < armedUntil && stats.faults < o.maxFaults;
  const disarm = () => {
    armedUntil = 0;
    if (windowTimer) clearTimeout(windowTimer);
    closeWindow();
  };

  const sendError = (res: http.ServerResponse, method: string, path: string) => {
    const err = S3_ERRORS[random() < 0.5 ? 0 : 1];
    const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    stats.byCode[err.code] = (stats.byCode[err.code] ?? 0) + 1;
    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
    const body = method === 'HEAD' ? '' : s3ErrorXml(err.code, err.message, path, requestId);
    res.writeHead(err.status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  const forward = (req: http.IncomingMessage, onResponse: (up: http.IncomingMessage) => void, onError: (e: Error) => void) => {
    const up = http.request(
      { host: '127.0.0.1', port: o.targetPort, method: req.method, path: req.url, headers: req.headers, agent },
      onResponse,
    );
    up.on('error', onError);
    req.pipe(up);
  };

  const server = http.createServer((req, res) => {
    stats.requests++;
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const eligible = methods.has(method) && (path === `/${o.bucket}` || path.startsWith(`/${o.bucket}/`) || path.startsWith(`/${o.bucket}?`));
    const fault = eligible && armed() && random() < o.rate;
    if (fault) {
      stats.faults++;
      if (stats.faults >= o.maxFaults) disarm();
    }
    // The server behind is down (stopped for an outage): the client sees its connection drop, as it would.
    const fail = () => {
      stats.upstreamDown++;
      req.socket.destroy();
    };
    const go = () => {
      if (fault && random() < 0.5) {
        // Before the server: drain the body, then answer the error.
        req.resume();
        req.on('end', () => sendError(res, method, path));
        return;
      }
      forward(
        req,
        (up) => {
          up.on('error', fail); // cut mid-response
          if (fault) {
            // After the server applied it: the client never learns it succeeded.
            stats.afterApplied++;
            up.resume();
            up.on('end', () => sendError(res, method, path));
            return;
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
        fail,
      );
    };
    const delay = o.latencyMs ? Math.floor(random() * o.latencyMs) : 0;
    if (delay > 0) setTimeout(go, delay);
    else go();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    arm: () => {
      armedUntil = Date.now() + o.windowMs;
      windowTimer = setTimeout(disarm, o.windowMs);
    },
    disarm,
    windowClosed: () => closed,
    close: async () => {
      disarm();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      agent.destroy();
    },
  };
}
