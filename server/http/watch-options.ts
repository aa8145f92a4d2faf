import { badRequest, invalidObject } from '../errors.js';
import { forbidden, notSupported, required, type FieldError } from '../registry/field-errors.js';
import { parseFieldSelector, requiredFieldValue } from '../registry/selectors/field-selector.js';
import { boolean, first, type Query } from './query.js';

export interface WatchOptions {
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
  allowWatchBookmarks: boolean;
  /** undefined: upstream's default (initial events only when resourceVersion is unset or "0"). */
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
}

/** Reads and validates a watch's query the way upstream's ListOptions validation does for watch requests. */
export function watchOptions(query: Query, objectName?: string): WatchOptions {
  const errors: FieldError[] = [];
  const sendInitialEvents = boolean(query, 'sendInitialEvents');
  const allowWatchBookmarks = boolean(query, 'allowWatchBookmarks') ?? false;
  const match = first(query, 'resourceVersionMatch') || undefined;
  if (sendInitialEvents !== undefined) {
    if (match !== 'NotOlderThan') {
      errors.push(forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
    }
    if (sendInitialEvents && !allowWatchBookmarks) {
      errors.push(forbidden('allowWatchBookmarks', 'allowWatchBookmarks must be set to true when sendInitialEvents is true'));
    }
  } else if (match !== undefined) {
    if (match !== 'Exact' && match !== 'NotOlderThan') errors.push(notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan']));
    else errors.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
  }
  const timeoutText = first(query, 'timeoutSeconds');
  let timeoutSeconds: number | undefined;
  if (timeoutText !== undefined && timeoutText !== '') {
    if (!/^\d+$/.test(timeoutText)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(timeoutText)}: invalid syntax`);
    timeoutSeconds = Number(timeoutText);
  }
  const rv = first(query, 'resourceVersion');
  if (rv && !/^\d+$/.test(rv)) errors.push(required('resourceVersion', `invalid resource version "${rv}"`));
  if (errors.length > 0) throw invalidObject('ListOptions', 'meta.k8s.io', '', errors);

  let fieldSelector = first(query, 'fieldSelector');
  if (objectName !== undefined) {
    // GET …/pods/x?watch=true is the same watch as the collection with fieldSelector=metadata.name=x.
    const named = fieldSelector ? requiredFieldValue(parseFieldSelector(fieldSelector), 'metadata.name') : undefined;
    if (named !== undefined && named !== objectName) throw badRequest(`fieldSelector metadata.name doesn't match requested name: "${named}" != "${objectName}"`);
    const term = `metadata.name=${objectName.replace(/([\\,=])/g, '\\$1')}`;
    fieldSelector = fieldSelector ? `${fieldSelector},${term}` : term;
  }
  return {
    resourceVersion: rv || undefined,
    labelSelector: first(query, 'labelSelector'),
    fieldSelector,
    allowWatchBookmarks,
    sendInitialEvents,
    timeoutSeconds,
  };
}
