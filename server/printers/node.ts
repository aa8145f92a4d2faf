import type { Node } from '../../schemas/core/node.js';
import type { KubeObject } from '../../schemas/meta.js';
import { compareGoStrings } from '../registry/selectors/go-text.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, column, docColumn } from './columns.js';
import { definePrinter } from './printer.js';

type NodeObject = Node & KubeObject;

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';

/**
 * The Status cell: only the Ready condition is shown (the last one listed wins, as upstream's map does), anything but
 * True reads NotReady, no Ready condition at all reads Unknown, and cordoning appends SchedulingDisabled.
 */
function nodeStatus(node: NodeObject): string {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1);
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and a non-empty `kubernetes.io/role` value, deduplicated and sorted. */
function nodeRoles(node: NodeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX)) {
      const role = key.slice(ROLE_LABEL_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === LEGACY_ROLE_LABEL && value !== '') {
      roles.add(value);
    }
  }
  return roles.size === 0 ? '<none>' : [...roles].sort(compareGoStrings).join(',');
}

/** The first address of a type, as getNodeInternalIP / getNodeExternalIP pick it. */
function address(node: NodeObject, type: string): string {
  const found = (node.status?.addresses ?? []).find((a) => a.type === type);
  return found ? (found.address ?? '') : '<none>';
}

export const nodePrinter = definePrinter<NodeObject>({
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    docColumn('Version', 'string', 'NodeSystemInfo.kubeletVersion'),
    docColumn('Internal-IP', 'string', 'NodeStatus.addresses', 1),
    docColumn('External-IP', 'string', 'NodeStatus.addresses', 1),
    docColumn('OS-Image', 'string', 'NodeSystemInfo.osImage', 1),
    docColumn('Kernel-Version', 'string', 'NodeSystemInfo.kernelVersion', 1),
    docColumn('Container-Runtime', 'string', 'NodeSystemInfo.containerRuntimeVersion', 1),
  ],
  cells(node, now) {
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      nodeRoles(node),
      translateTimestampSince(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
});
