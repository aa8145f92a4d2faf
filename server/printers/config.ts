import type { KubeObject } from '../../schemas/meta.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, docColumn } from './columns.js';
import { list } from './format.js';
import { definePrinter } from './printer.js';

// ConfigMap, Secret and ServiceAccount: the kinds whose row is a count of what they hold.

interface ConfigMapObject extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

interface SecretObject extends KubeObject {
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

interface ServiceAccountObject extends KubeObject {
  secrets?: unknown[];
}

const keys = (map: Record<string, string> | undefined): string[] => Object.keys(map ?? {});

/** Data and binaryData keys never overlap (validation forbids it), so the count is a plain sum. */
export const configMapPrinter = definePrinter<ConfigMapObject>({
  columns: [NAME_COLUMN, docColumn('Data', 'string', 'ConfigMap.data'), AGE_COLUMN],
  cells(cm, now) {
    return [
      cm.metadata.name ?? '',
      keys(cm.data).length + keys(cm.binaryData).length,
      translateTimestampSince(cm.metadata.creationTimestamp, now),
    ];
  },
});

/** The v1 → internal conversion merges stringData into data before printing, so a key in both counts once. */
export const secretPrinter = definePrinter<SecretObject>({
  columns: [NAME_COLUMN, docColumn('Type', 'string', 'Secret.type'), docColumn('Data', 'string', 'Secret.data'), AGE_COLUMN],
  cells(secret, now) {
    return [
      secret.metadata.name ?? '',
      secret.type ?? '',
      new Set([...keys(secret.data), ...keys(secret.stringData)]).size,
      translateTimestampSince(secret.metadata.creationTimestamp, now),
    ];
  },
});

export const serviceAccountPrinter = definePrinter<ServiceAccountObject>({
  columns: [NAME_COLUMN, docColumn('Secrets', 'string', 'ServiceAccount.secrets'), AGE_COLUMN],
  cells(sa, now) {
    return [sa.metadata.name ?? '', list(sa.secrets).length, translateTimestampSince(sa.metadata.creationTimestamp, now)];
  },
});
