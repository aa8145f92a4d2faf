import { BlockList, isIP } from 'node:net';
import { invalid, type FieldError } from '../field-errors.js';

/**
 * Upstream's ValidateNonSpecialIP (Endpoints addresses, Service externalIPs): addresses that cannot name a real
 * endpoint — unspecified, loopback, link-local — are refused. IPv4-mapped IPv6 addresses count as their IPv4 form.
 */

function blockList(subnets: Array<[string, number, 'ipv4' | 'ipv6']>): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of subnets) list.addSubnet(network, prefix, family);
  return list;
}

const LOOPBACK = blockList([['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']]);
const LINK_LOCAL_UNICAST = blockList([['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']]);
// Go's IsLinkLocalMulticast accepts any multicast flags in IPv6: ff02::/16, ff12::/16, … fff2::/16.
const LINK_LOCAL_MULTICAST = blockList([
  ['224.0.0.0', 24, 'ipv4'],
  ...Array.from({ length: 16 }, (_, flags): [string, number, 'ipv6'] => [`ff${flags.toString(16)}2::`, 16, 'ipv6']),
]);
const UNSPECIFIED = blockList([['0.0.0.0', 32, 'ipv4'], ['::', 128, 'ipv6']]);

export function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  const family = isIP(ip);
  if (family === 0) return [invalid(path, ip, 'must be a valid IP address')];
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const errs: FieldError[] = [];
  if (UNSPECIFIED.check(ip, type)) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if (LOOPBACK.check(ip, type)) errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (LINK_LOCAL_UNICAST.check(ip, type)) errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (LINK_LOCAL_MULTICAST.check(ip, type)) {
    errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}
