export interface GarbageCollectorConfig {
  /** Resources the collector neither watches nor deletes through (upstream's DefaultIgnoredResources). */
  ignoredResources: Array<{ group: string; resource: string }>;
}

/** Upstream ignores both Event APIs: events are never owners, and watching them would only cost memory. */
export const DEFAULT_GARBAGE_COLLECTOR_CONFIG: GarbageCollectorConfig = {
  ignoredResources: [
    { group: '', resource: 'events' },
    { group: 'events.k8s.io', resource: 'events' },
  ],
};
