import { parentPort } from 'node:worker_threads';
import { resourceTable } from '../../schemas/resources.js';
import { prepareCreateBody } from './create-precheck.js';
import type { PrecheckRequest, WorkerMessage } from './messages.js';

/** A validation worker: prepares batches of create bodies with prepareCreateBody on a thread of its own. */
if (!parentPort) throw new Error('the validation worker runs only as a worker thread');
const port = parentPort;
const table = resourceTable();
port.on('message', (batch: PrecheckRequest[]) => {
  for (const request of batch) {
    const def = table.findByKind(request.apiVersion, request.kind);
    const prepared = def && prepareCreateBody(def, request.namespace, request.text, request.nowMs);
    port.postMessage({ id: request.id, prepared: prepared ?? null } satisfies WorkerMessage);
  }
});
port.postMessage({ ready: true } satisfies WorkerMessage);
