import type { FastifyInstance } from 'fastify';
import type { PrecheckCounts } from '../precheck/pool.js';

export interface MetricSources {
  /** Watch requests being served (HTTP and WebSocket). */
  watches(): number;
  /** Subscribers of the watch hub: watches plus in-process informers. */
  hubSubscribers(): number;
  /** The newest committed resourceVersion. */
  resourceVersion(): number;
  /** What the validation workers did with create bodies; undefined without workers. */
  prechecks?(): PrecheckCounts | undefined;
}

function precheckLines(counts: PrecheckCounts | undefined): string[] {
  if (!counts) return [];
  return [
    '# HELP mimikube_create_prechecks_total Create bodies by what the validation workers did with them.',
    '# TYPE mimikube_create_prechecks_total counter',
    `mimikube_create_prechecks_total{result="passed"} ${counts.passed}`,
    `mimikube_create_prechecks_total{result="declined"} ${counts.declined}`,
    `mimikube_create_prechecks_total{result="unavailable"} ${counts.unavailable}`,
  ];
}

/**
 * /metrics in Prometheus text format: upstream's gauge of long-running requests, and what a user of mimikube needs
 * to see that disconnected watchers are gone.
 */
export function installMetricsRoute(app: FastifyInstance, sources: MetricSources): void {
  app.get('/metrics', async (_request, reply) => {
    const lines = [
      '# HELP apiserver_longrunning_requests Gauge of all active long-running apiserver requests.',
      '# TYPE apiserver_longrunning_requests gauge',
      `apiserver_longrunning_requests{verb="WATCH"} ${sources.watches()}`,
      '# HELP mimikube_watch_hub_subscribers Subscribers of the watch hub (watch requests and in-process informers).',
      '# TYPE mimikube_watch_hub_subscribers gauge',
      `mimikube_watch_hub_subscribers ${sources.hubSubscribers()}`,
      '# HELP mimikube_resource_version The newest committed resourceVersion.',
      '# TYPE mimikube_resource_version gauge',
      `mimikube_resource_version ${sources.resourceVersion()}`,
      ...precheckLines(sources.prechecks?.()),
    ];
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
}
