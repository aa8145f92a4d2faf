import http from 'node:http';
import https from 'node:https';
import { after, before } from 'node:test';
import { startServer, type RunningServer, type ServerOptions } from '../../server/index.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** A thin HTTP client for tests: JSON in and out by default, any header overridable. */
export class Api {
  /** `defaults` go on every request (an Authorization header, say). */
  constructor(readonly url: string, readonly defaults: Record<string, string> = {}) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { accept: 'application/json', ...this.defaults, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.url + path, init);
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, body: parsed as T };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  put<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  patch<T = any>(path: string, body: unknown, type = 'application/merge-patch+json') {
    return this.request<T>('PATCH', path, body, { 'content-type': type });
  }
  delete<T = any>(path: string, body?: unknown) {
    return this.request<T>('DELETE', path, body);
  }
}

/** Reads a node client response whole, JSON decoded like Api's. */
function readResponse(res: http.IncomingMessage, resolve: (response: ApiResponse) => void): void {
  let text = '';
  res.setEncoding('utf8').on('data', (c: string) => (text += c));
  res.on('end', () => {
    const parsed = (res.headers['content-type'] ?? '').includes('json') && text ? JSON.parse(text) : text;
    resolve({ status: res.statusCode ?? 0, headers: new Headers(res.headers as Record<string, string>), text, body: parsed });
  });
}

/** A request exactly as given, with no headers added (fetch would add a Content-Type to any body). */
export function rawRequest(url: string, method: string, body: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const options = { method, headers: { accept: 'application/json', 'content-length': Buffer.byteLength(body), ...headers } };
    const req = http.request(url, options, (res) => readResponse(res, resolve));
    req.on('error', reject);
    req.end(body);
  });
}

/** TLS settings for `tlsRequest`: the CA to trust and, for client-certificate authentication, a certificate and key. */
export interface TlsClient {
  ca?: string;
  cert?: string;
  key?: string;
}

/** One request over HTTPS with node's own client (fetch cannot be given a CA), JSON decoded like Api's. */
export function tlsRequest(url: string, method: string, tls: TlsClient, headers: Record<string, string> = {}, body?: string): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, ...tls, headers: { accept: 'application/json', ...headers } }, (res) => readResponse(res, resolve));
    req.on('error', reject);
    req.end(body);
  });
}

export interface TestServer extends RunningServer {
  api: Api;
}

/** A fresh control plane on an ephemeral port; closed when the test context `t` ends. */
export async function startTestServer(
  t: { after(fn: () => Promise<void> | void): void },
  options: ServerOptions = {},
): Promise<TestServer> {
  const server = await startServer({ port: 0, db: ':memory:', ...options });
  t.after(() => server.close());
  return { ...server, api: new Api(server.url) };
}

/**
 * One control plane shared by every test of a file: started before the first test, closed after the last.
 * Returns a getter, since the server exists only once the hook has run.
 */
export function useSharedServer(options: ServerOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  before(async () => {
    const running = await startServer({ port: 0, db: ':memory:', ...options });
    server = { ...running, api: new Api(running.url) };
  });
  after(() => server?.close());
  return () => {
    if (!server) throw new Error('the shared server is not running');
    return server;
  };
}
