import { HttpClient } from './http-client.js';
import { runLoad, type LoadResult } from './load.js';
import type { Profile } from './profile.js';
import type { ServerProcess } from './server-process.js';
import { datasetNamespace, type Dataset } from './dataset.js';

export interface ListResult extends LoadResult {
  /** Objects each request returned. */
  objectsPerRequest: number;
  objectsPerSecond: number;
}

export interface ListsResult {
  /** Every pod of one namespace, page after page of `limit=500`. */
  paginated: ListResult[];
  /** One namespace's pods matching `app=svc-3` (a tenth), among every pod of the data set. */
  selector: ListResult[];
  namespacePods: number;
  totalPods: number;
  selectorMatches: number;
}

const PAGE = 500;
const CONTINUE = /"continue":"([^"]+)"/;

/** Items in a pod list, counted without parsing it: every data-set pod carries exactly one uid. */
function countItems(body: string): number {
  let count = 0;
  for (let at = body.indexOf('"uid":"'); at >= 0; at = body.indexOf('"uid":"', at + 7)) count++;
  return count;
}

function withObjects(result: LoadResult, perRequest: number): ListResult {
  return { ...result, objectsPerRequest: perRequest, objectsPerSecond: Math.round(result.perSecond * perRequest) };
}

/**
 * Paginated walks: each loop lists the namespace page by page, as an informer's initial list does, and checks that
 * a whole walk returned every pod exactly once in number. Each request (one page) is one measured operation.
 */
function paginated(server: ServerProcess, client: HttpClient, profile: Profile, concurrency: number, ns: string, expected: number): Promise<LoadResult> {
  const walks = Array.from({ length: concurrency }, () => ({ token: undefined as string | undefined, seen: 0 }));
  return runLoad({ concurrency, ...profile.load, serverPid: server.pid }, async (loop) => {
    const walk = walks[loop];
    const next = walk.token === undefined ? '' : `&continue=${encodeURIComponent(walk.token)}`;
    const body = await client.expect(200, 'GET', `/api/v1/namespaces/${ns}/pods?limit=${PAGE}${next}`);
    walk.seen += countItems(body);
    walk.token = CONTINUE.exec(body.slice(0, 1000))?.[1];
    if (walk.token === undefined) {
      const seen = walk.seen;
      walk.seen = 0;
      if (seen !== expected) throw new Error(`a paginated list returned ${seen} pods, not ${expected}`);
    }
  });
}

/** Scenario 2, lists, on the loaded data set (which the caller started and stops). */
export async function apiLists(server: ServerProcess, dataset: Dataset, profile: Profile): Promise<ListsResult> {
  const client = new HttpClient(server.url);
  const ns = datasetNamespace(0);
  const namespacePods = profile.dataset.podsPerNamespace;
  const selectorMatches = namespacePods / 10;
  try {
    const pages: ListResult[] = [];
    for (const concurrency of profile.concurrencies) {
      // Pages are full but for the last: objects per request is the walk's average.
      const perPage = namespacePods / Math.ceil(namespacePods / PAGE);
      pages.push(withObjects(await paginated(server, client, profile, concurrency, ns, namespacePods), perPage));
    }
    const selector: ListResult[] = [];
    for (const concurrency of profile.selectorConcurrencies) {
      const result = await runLoad({ concurrency, ...profile.load, serverPid: server.pid }, async () => {
        const body = await client.expect(200, 'GET', `/api/v1/namespaces/${ns}/pods?labelSelector=app%3Dsvc-3`);
        const items = countItems(body);
        if (items !== selectorMatches) throw new Error(`the selector matched ${items} pods, not ${selectorMatches}`);
      });
      selector.push(withObjects(result, selectorMatches));
    }
    return { paginated: pages, selector, namespacePods, totalPods: dataset.pods, selectorMatches };
  } finally {
    client.close();
  }
}
