/** The parameters upstream declares on resource operations, in a form both document dialects render from. */

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  type: 'string' | 'integer' | 'boolean';
  description: string;
}

const query = (name: string, type: ParameterSpec['type'], description: string): ParameterSpec => ({
  name,
  in: 'query',
  type,
  description,
});

const Q = {
  allowWatchBookmarks: query('allowWatchBookmarks', 'boolean',
    'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ' +
    'ignore this flag. If this is not a watch, this field is ignored.'),
  continue: query('continue', 'string',
    'The continue option should be set when retrieving more results from the server: the value a previous list ' +
    'returned in metadata.continue.'),
  dryRun: query('dryRun', 'string',
    'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run ' +
    'stages will be processed'),
  fieldManager: query('fieldManager', 'string',
    'fieldManager is a name associated with the actor or entity that is making these changes.'),
  fieldSelector: query('fieldSelector', 'string',
    'A selector to restrict the list of returned objects by their fields. Defaults to everything.'),
  fieldValidation: query('fieldValidation', 'string',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing ' +
    'unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict'),
  force: query('force', 'boolean',
    'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other ' +
    'people. Force flag must be unset for non-apply patch requests.'),
  gracePeriodSeconds: query('gracePeriodSeconds', 'integer',
    'The duration in seconds before the object should be deleted. The value zero indicates delete immediately.'),
  ignoreStoreReadErrorWithClusterBreakingPotential: query('ignoreStoreReadErrorWithClusterBreakingPotential',
    'boolean', 'if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion ' +
    'flow fails with a corrupt object error.'),
  labelSelector: query('labelSelector', 'string',
    'A selector to restrict the list of returned objects by their labels. Defaults to everything.'),
  limit: query('limit', 'integer',
    'limit is a maximum number of responses to return for a list call. If more items exist, the server will set ' +
    'the `continue` field on the list metadata.'),
  orphanDependents: query('orphanDependents', 'boolean',
    'Deprecated: please use the PropagationPolicy. Should the dependent objects be orphaned.'),
  pretty: query('pretty', 'string', "If 'true', then the output is pretty printed."),
  propagationPolicy: query('propagationPolicy', 'string',
    "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background' and " +
    "'Foreground'."),
  resourceVersion: query('resourceVersion', 'string',
    'resourceVersion sets a constraint on what resource versions a request may be served from.'),
  resourceVersionMatch: query('resourceVersionMatch', 'string',
    'resourceVersionMatch determines how resourceVersion is applied to list calls.'),
  sendInitialEvents: query('sendInitialEvents', 'boolean',
    '`sendInitialEvents=true` may be set together with `watch=true`: the watch stream then begins with synthetic ' +
    'events for the current state of the collection.'),
  timeoutSeconds: query('timeoutSeconds', 'integer',
    'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or ' +
    'inactivity.'),
  watch: query('watch', 'boolean',
    'Watch for changes to the described resources and return them as a stream of add, update, and remove ' +
    'notifications. Specify resourceVersion.'),
};

export const PRETTY = Q.pretty;

export const LIST = [
  Q.allowWatchBookmarks, Q.continue, Q.fieldSelector, Q.labelSelector, Q.limit, Q.resourceVersion,
  Q.resourceVersionMatch, Q.sendInitialEvents, Q.timeoutSeconds, Q.watch,
];
export const WRITE = [Q.dryRun, Q.fieldManager, Q.fieldValidation];
export const PATCH = [...WRITE, Q.force];
export const DELETE = [
  Q.dryRun, Q.gracePeriodSeconds, Q.ignoreStoreReadErrorWithClusterBreakingPotential, Q.orphanDependents,
  Q.propagationPolicy,
];
export const DELETE_COLLECTION = [
  ...DELETE, Q.continue, Q.fieldSelector, Q.labelSelector, Q.limit, Q.resourceVersion, Q.resourceVersionMatch,
  Q.sendInitialEvents, Q.timeoutSeconds,
];

export function namespaceParameter(): ParameterSpec {
  return { name: 'namespace', in: 'path', type: 'string', description: 'object name and auth scope, such as for teams and projects' };
}

export function nameParameter(kind: string): ParameterSpec {
  return { name: 'name', in: 'path', type: 'string', description: `name of the ${kind}` };
}

/** Upstream lists parameters by name. */
export function sorted(parameters: ParameterSpec[]): ParameterSpec[] {
  return [...parameters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
