/** One create body for a validation worker; the kind is named by apiVersion and kind. */
export interface PrecheckRequest {
  id: number;
  apiVersion: string;
  kind: string;
  namespace: string;
  text: string;
}

/** What the worker posts: once `ready`, then per batch of requests the ids that passed and those that did not. */
export type WorkerMessage = { ready: true } | { passed: number[]; declined: number[] };
