import type { KubeObject } from '../../../schemas/meta.js';
import { defineStrategy } from '../strategy.js';

interface SecretObject extends KubeObject {
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  type?: string;
}

/**
 * Secrets keep their data as given, but upstream's write-only convenience field stringData is folded into data
 * (base64) on every write and never stored, and the type defaults to Opaque.
 */
export const secretStrategy = defineStrategy<SecretObject>({
  applyDefaults(secret) {
    if (!secret.type) secret.type = 'Opaque';
    if (secret.stringData) {
      secret.data = { ...(secret.data ?? {}) };
      for (const [key, value] of Object.entries(secret.stringData)) {
        secret.data[key] = Buffer.from(value, 'utf8').toString('base64');
      }
      delete secret.stringData;
    }
  },
  selectableFields: { type: (secret) => secret.type },
});
