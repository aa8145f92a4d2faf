import type { KubeObject } from '../../schemas/meta.js';

/**
 * A create a validation worker has already run through everything before storage — decoding, unknown and duplicate
 * fields, typing, defaults, the system metadata, the kind's preparation and validation — with nothing to report.
 * It carries the object as JSON text without a resourceVersion, which only the store can assign; `metadataEnd` is
 * where that field goes (the `}` closing metadata), so the request thread stores and answers without decoding and
 * re-encoding the object itself. Plain data: it crosses from the worker as it is.
 */
export interface PreparedCreate {
  text: string;
  metadataEnd: number;
  name: string;
  uid: string;
  /** The name was generated: a collision draws another instead of failing. */
  generatedName: boolean;
}

/**
 * The JSON text of a prepared object in upstream's canonical field order (kind, apiVersion, metadata, then the
 * rest; see `canonical`), without a resourceVersion, and where its metadata closes: right after metadata's own
 * JSON text.
 */
export function preparedText(obj: KubeObject): { text: string; metadataEnd: number } {
  const { kind, apiVersion, metadata, ...rest } = obj;
  const head = JSON.stringify({ kind, apiVersion, metadata });
  const tail = JSON.stringify(rest);
  // head ends with metadata's "}" and then the object's own "}".
  const metadataEnd = head.length - 2;
  const text = tail === '{}' ? head : `${head.slice(0, -1)},${tail.slice(1)}`;
  return { text, metadataEnd };
}

/**
 * The text the store writes: the prepared text with metadata.resourceVersion added as metadata's last field —
 * where the store's own serialisation puts it, since it is assigned after everything else.
 */
export function withResourceVersion(prepared: { text: string; metadataEnd: number }, rv: number): string {
  const { text, metadataEnd } = prepared;
  const separator = text.charCodeAt(metadataEnd - 1) === 0x7b /* { */ ? '' : ',';
  return `${text.slice(0, metadataEnd)}${separator}"resourceVersion":"${rv}"${text.slice(metadataEnd)}`;
}
