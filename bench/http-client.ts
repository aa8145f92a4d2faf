import net from 'node:net';

export interface Response {
  status: number;
  body: string;
}

/** A request that has not been answered in this long is abandoned: no bench loop may hang on a stuck server. */
const REQUEST_TIMEOUT_MS = 60_000;
const HEADER_END = Buffer.from('\r\n\r\n');

interface Pending {
  resolve(res: Response): void;
  reject(err: Error): void;
}

/**
 * One keep-alive HTTP/1.1 connection, one request at a time. Node's http client costs about as much CPU per
 * request as a small server handler; on two shared cores that would make the load generator, not the server, the
 * bottleneck, so this parses just what the bench needs (status, Content-Length or chunked bodies), as autocannon does.
 */
class Connection {
  private readonly socket: net.Socket;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private pending: Pending | undefined;
  /** Bytes the current response needs in all, once its headers gave a Content-Length. */
  private expected = 0;
  closed = false;

  constructor(port: number, onClose: (conn: Connection) => void) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.setTimeout(REQUEST_TIMEOUT_MS, () => this.fail(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    this.socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      this.parse();
    });
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => {
      this.closed = true;
      this.fail(new Error('connection closed by the server'));
      onClose(this);
    });
  }

  send(head: string, body: Buffer | undefined, pending: Pending): void {
    this.pending = pending;
    this.socket.write(body ? Buffer.concat([Buffer.from(head), body]) : head);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private fail(err: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      this.socket.destroy();
      pending.reject(err);
    }
  }

  private parse(): void {
    // Joining buffers on every packet of a megabyte-long list page would copy it quadratically.
    if (!this.pending || this.buffered < this.expected) return;
    const data = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    this.chunks = [data];
    const headerEnd = data.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = data.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let body: Buffer;
    let consumed: number;
    if (length) {
      consumed = headerEnd + 4 + Number(length[1]);
      if (data.length < consumed) {
        this.expected = consumed;
        return;
      }
      body = data.subarray(headerEnd + 4, consumed);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const decoded = decodeChunked(data, headerEnd + 4);
      if (!decoded) return;
      ({ body, consumed } = decoded);
    } else {
      this.fail(new Error(`response without a length: ${head.slice(0, 200)}`));
      return;
    }
    const rest = data.subarray(consumed);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    this.expected = 0;
    const pending = this.pending;
    this.pending = undefined;
    pending.resolve({ status, body: body.toString('utf8') });
  }
}

/** The body of a complete chunked message starting at `offset`, or undefined while it is incomplete. */
function decodeChunked(data: Buffer, offset: number): { body: Buffer; consumed: number } | undefined {
  const parts: Buffer[] = [];
  let at = offset;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.toString('latin1', at, lineEnd), 16);
    if (size === 0) {
      const end = data.indexOf(HEADER_END, lineEnd);
      return end < 0 ? undefined : { body: Buffer.concat(parts), consumed: end + 4 };
    }
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** A pool of up to `maxConnections` keep-alive connections to one server on 127.0.0.1. */
export class HttpClient {
  private readonly port: number;
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly waiting: ((conn: Connection) => void)[] = [];

  constructor(readonly baseUrl: string, private readonly maxConnections = 64) {
    const url = new URL(baseUrl);
    if (url.hostname !== '127.0.0.1') throw new Error(`bench traffic stays on 127.0.0.1, not ${url.hostname}`);
    this.port = Number(url.port);
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    let head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nAccept: application/json\r\n`;
    if (data) head += `Content-Type: application/json\r\nContent-Length: ${data.length}\r\n`;
    head += '\r\n';
    const conn = await this.acquire();
    try {
      return await new Promise<Response>((resolve, reject) => conn.send(head, data, { resolve, reject }));
    } catch (err) {
      throw new Error(`${method} ${path}: ${(err as Error).message}`);
    } finally {
      this.release(conn);
    }
  }

  /** Like request, but anything other than the expected status is an error carrying the server's answer. */
  async expect(status: number, method: string, path: string, body?: unknown): Promise<string> {
    const res = await this.request(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return res.body;
  }

  close(): void {
    for (const conn of this.all) conn.destroy();
  }

  private acquire(): Promise<Connection> {
    const conn = this.idle.pop();
    if (conn) return Promise.resolve(conn);
    if (this.all.size < this.maxConnections) {
      const fresh = new Connection(this.port, (c) => this.forget(c));
      this.all.add(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(conn: Connection): void {
    if (conn.closed) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter(conn);
    else this.idle.push(conn);
  }

  private forget(conn: Connection): void {
    this.all.delete(conn);
    const at = this.idle.indexOf(conn);
    if (at >= 0) this.idle.splice(at, 1);
    // A request waiting for a connection gets a fresh one in place of the closed one.
    const waiter = this.waiting.shift();
    if (waiter) {
      const fresh = new Connection(this.port, (c) => this.forget(c));
      this.all.add(fresh);
      waiter(fresh);
    }
  }
}
