import type { LabelSelector, KubeObject } from '../../schemas/meta.js';

/**
 * The fields the printers read from kinds whose spec and status mimikube stores unchecked (Deployment, ReplicaSet,
 * StatefulSet, Job): declared as Go would decode them, read through the `int`/`list` guards in format.ts.
 */
export interface TemplateWorkload extends KubeObject {
  spec?: {
    replicas?: unknown;
    selector?: LabelSelector | null;
    template?: { spec?: { containers?: { name?: unknown; image?: unknown }[] } };
  };
  status?: {
    replicas?: unknown;
    readyReplicas?: unknown;
    updatedReplicas?: unknown;
    availableReplicas?: unknown;
  };
}
