/**
 * Polls `check` every `intervalMs` until it holds; returns the seconds since `since`, or undefined if it did not
 * hold within `timeoutSeconds` (a missed target is a figure to report, not a reason to abort the suite). A check
 * that throws counts as not yet.
 */
export async function secondsUntil(since: number, timeoutSeconds: number, intervalMs: number, check: () => Promise<boolean>): Promise<number | undefined> {
  const deadline = since + timeoutSeconds * 1000;
  for (;;) {
    const ok = await check().catch(() => false);
    const now = performance.now();
    if (ok) return (now - since) / 1000;
    if (now >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, deadline - now)));
  }
}
