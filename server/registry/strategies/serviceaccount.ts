import type { Static } from '@sinclair/typebox';
import type { ServiceAccount } from '../../../schemas/core/serviceaccount.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { defineStrategy } from '../strategy.js';

type ServiceAccountObject = Static<typeof ServiceAccount> & KubeObject;

/** A secret reference names a secret of the account's own namespace: anything but the name is dropped. */
function cleanSecretReferences(account: ServiceAccountObject): void {
  if (account.secrets) account.secrets = account.secrets.map((secret) => (secret.name === undefined ? {} : { name: secret.name }));
}

/** core/v1 ServiceAccount (pkg/registry/core/serviceaccount/strategy.go): only metadata is validated. */
export const serviceAccountStrategy = defineStrategy<ServiceAccountObject>({
  prepareForCreate: cleanSecretReferences,
  prepareForUpdate: cleanSecretReferences,
});
