import { parentPort } from 'node:worker_threads';
import { resourceTable } from '../../schemas/resources.js';
import { createWouldPass } from './create-precheck.js';
import type { PrecheckRequest, WorkerMessage } from './messages.js';

/** A validation worker: runs batches of create bodies through createWouldPass on a thread of its own. */
if (!parentPort) throw new Error('the validation worker runs only as a worker thread');
const port = parentPort;
const table = resourceTable();
port.on('message', (batch: PrecheckRequest[]) => {
  for (const request of batch) {
    const def = table.findByKind(request.apiVersion, request.kind);
    const pass = def !== undefined && createWouldPass(def, request.namespace, request.text);
    port.postMessage((pass ? { passed: [request.id], declined: [] } : { passed: [], declined: [request.id] }) satisfies WorkerMessage);
  }
});
port.postMessage({ ready: true } satisfies WorkerMessage);
