import http from 'node:http';
import WebSocket from 'ws';

export interface WatchEvent {
  type: string;
  object: any;
}

/** Collects events from a watch and lets a test wait for the ones it expects, each wait with a deadline. */
export class EventCollector {
  readonly events: WatchEvent[] = [];
  ended = false;
  private waiters: Array<() => void> = [];

  push(event: WatchEvent): void {
    this.events.push(event);
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves once `count` events have arrived (or the stream ended); rejects at the deadline. */
  async waitForCount(count: number, timeoutMs = 5000): Promise<WatchEvent[]> {
    await this.waitUntil(() => this.events.length >= count || this.ended, `${count} events`, timeoutMs);
    return this.events.slice(0, count);
  }

  async waitForEnd(timeoutMs = 5000): Promise<void> {
    await this.waitUntil(() => this.ended, 'the stream to end', timeoutMs);
  }

  async waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.events.map((e) => [e.type, e.object?.metadata?.name]))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

export interface ChunkedWatch extends EventCollector {
  status: number;
  headers: http.IncomingHttpHeaders;
  response: http.IncomingMessage;
  close(): void;
}

/** A raw chunked-HTTP watch client: newline-delimited JSON events, as client-go reads them. */
export function chunkedWatch(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<ChunkedWatch> {
  return new Promise((resolve, reject) => {
    const request = http.get(baseUrl + path, { headers: { accept: 'application/json', ...headers } }, (response) => {
      const collector = new EventCollector() as ChunkedWatch;
      collector.status = response.statusCode ?? 0;
      collector.headers = response.headers;
      collector.response = response;
      collector.close = () => request.destroy();
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line.trim()) collector.push(JSON.parse(line) as WatchEvent);
        }
      });
      response.on('end', () => collector.end());
      response.on('close', () => collector.end());
      response.on('error', () => collector.end());
      resolve(collector);
    });
    request.on('error', reject);
  });
}

export interface SocketWatch extends EventCollector {
  socket: WebSocket;
  close(): void;
}

/** A WebSocket watch client; with the base64.binary.k8s.io subprotocol each message is base64 of the event. */
export function websocketWatch(baseUrl: string, path: string, protocol?: string): Promise<SocketWatch> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, protocol ? [protocol] : []);
    const collector = new EventCollector() as SocketWatch;
    collector.socket = socket;
    collector.close = () => socket.close();
    socket.on('message', (data) => {
      const text = data.toString();
      collector.push(JSON.parse(protocol === 'base64.binary.k8s.io' ? Buffer.from(text, 'base64').toString('utf8') : text) as WatchEvent);
    });
    socket.on('close', () => collector.end());
    socket.on('open', () => resolve(collector));
    socket.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    socket.on('error', reject);
  });
}
