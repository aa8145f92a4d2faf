import http from 'node:http';
import type { FuzzCase } from './cases.js';

export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
  /** The body as sent: a protobuf Status is not text. */
  bytes: Buffer;
  ms: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one case exactly as generated (its own Content-Type and Content-Length, the body whole, in slow pieces, or
 * stalled half-way) and resolves with the answer; rejects when no answer comes within `deadlineMs` — a hang.
 */
export function sendCase(baseUrl: string, c: FuzzCase, deadlineMs: number): Promise<FuzzResponse> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { accept: 'application/json', ...c.headers };
    if (c.body) headers['content-length'] = c.body.length;
    // Stalled, slow and oversized requests may end their connection: keep them off the shared pool.
    const ownConnection = c.stall || c.slowChunks || (c.body?.length ?? 0) > 1024 * 1024;
    const req = http.request(baseUrl + c.path, { method: c.method, headers, agent: ownConnection ? false : agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: bytes.toString('utf8'), bytes, ms: Date.now() - started });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${deadlineMs} ms`));
    }, deadlineMs);
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A server may answer (413) and close before the whole body is sent: give its answer a moment to arrive.
      const grace = err.code === 'EPIPE' ? 1000 : 0;
      setTimeout(() => {
        if (answered) return;
        clearTimeout(timer);
        reject(err);
      }, grace);
    });
    const body = c.body ?? Buffer.alloc(0);
    if (c.stall) {
      req.write(body.subarray(0, Math.floor(body.length / 2)));
      return;
    }
    if (!c.slowChunks) {
      req.end(body);
      return;
    }
    void (async () => {
      const size = Math.ceil(body.length / c.slowChunks!);
      for (let at = 0; at < body.length; at += size) {
        req.write(body.subarray(at, at + size));
        await sleep(5);
      }
      req.end();
    })();
  });
}
