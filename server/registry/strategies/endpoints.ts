import type { Static } from '@sinclair/typebox';
import type { Endpoints, EndpointSubset } from '../../../schemas/core/endpoints.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { child, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { defineStrategy } from '../strategy.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../validation/names.js';
import { validateNonSpecialIP } from './non-special-ip.js';
import { isValidPortNum, validateIP } from './value-formats.js';

type EndpointsObject = Static<typeof Endpoints> & KubeObject;
type EndpointAddress = NonNullable<EndpointSubset['addresses']>[number];
type EndpointPort = NonNullable<EndpointSubset['ports']>[number];

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateAddress(address: EndpointAddress, path: string): FieldError[] {
  const ip = address.ip ?? '';
  const errs = validateIP(child(path, 'ip'), ip);
  const hostname = address.hostname;
  if (hostname) errs.push(...isDNS1123Label(hostname).map((msg) => invalid(child(path, 'hostname'), hostname, msg)));
  const nodeName = address.nodeName;
  if (nodeName !== undefined) errs.push(...isDNS1123Subdomain(nodeName).map((msg) => invalid(child(path, 'nodeName'), nodeName, msg)));
  return [...errs, ...validateNonSpecialIP(ip, child(path, 'ip'))];
}

function validatePort(port: EndpointPort, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = port.name ?? '';
  if (requireName && !name) errs.push(required(child(path, 'name')));
  else if (name) errs.push(...isDNS1123Label(name).map((msg) => invalid(child(path, 'name'), name, msg)));
  const number = port.port ?? 0;
  errs.push(...isValidPortNum(number).map((msg) => invalid(child(path, 'port'), number, msg)));
  if (!port.protocol) errs.push(required(child(path, 'protocol')));
  else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(path, 'protocol'), port.protocol, PROTOCOLS));
  const appProtocol = port.appProtocol;
  if (appProtocol !== undefined) errs.push(...isQualifiedName(appProtocol).map((msg) => invalid(child(path, 'appProtocol'), appProtocol, msg)));
  return errs;
}

/** Upstream's validateEndpointSubsets: every subset has addresses (ports may be absent, for headless services). */
function validateSubsets(subsets: EndpointSubset[]): FieldError[] {
  const errs: FieldError[] = [];
  subsets.forEach((subset, i) => {
    const path = child('subsets', i);
    const addresses = subset.addresses ?? [];
    const notReady = subset.notReadyAddresses ?? [];
    if (addresses.length === 0 && notReady.length === 0) errs.push(required(path, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateAddress(a, child(child(path, 'addresses'), j))));
    notReady.forEach((a, j) => errs.push(...validateAddress(a, child(child(path, 'notReadyAddresses'), j))));
    const ports = subset.ports ?? [];
    ports.forEach((p, j) => errs.push(...validatePort(p, ports.length > 1, child(child(path, 'ports'), j))));
  });
  return errs;
}

/** core/v1 Endpoints (pkg/registry/core/endpoint/strategy.go): SetDefaults_Endpoints and ValidateEndpoints. */
export const endpointsStrategy = defineStrategy<EndpointsObject>({
  applyDefaults(endpoints) {
    for (const subset of endpoints.subsets ?? []) {
      for (const port of subset.ports ?? []) port.protocol ||= 'TCP';
    }
  },

  validate(endpoints) {
    return validateSubsets(endpoints.subsets ?? []);
  },
});
