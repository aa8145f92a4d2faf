/** Upstream keeps two queues, attemptToDelete and attemptToOrphan; here one queue holds both, told apart by prefix. */
export type GcQueue = 'delete' | 'orphan';

export function deleteKey(uid: string): string {
  return `delete/${uid}`;
}

export function orphanKey(uid: string): string {
  return `orphan/${uid}`;
}

export function parseKey(key: string): { queue: GcQueue; uid: string } {
  const slash = key.indexOf('/');
  return { queue: key.slice(0, slash) === 'orphan' ? 'orphan' : 'delete', uid: key.slice(slash + 1) };
}
