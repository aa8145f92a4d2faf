import type { PreparedCreate } from '../registry/prepared-create.js';

/** One create body for a validation worker; the kind is named by apiVersion and kind. */
export interface PrecheckRequest {
  id: number;
  apiVersion: string;
  kind: string;
  namespace: string;
  text: string;
  /** The server's clock when the body arrived: creationTimestamp comes from it, not from the worker's. */
  nowMs: number;
}

/** What the worker posts: once `ready`, then per request the prepared body, or null when it declines it. */
export type WorkerMessage = { ready: true } | { id: number; prepared: PreparedCreate | null };
