/** IPv4 arithmetic on unsigned 32-bit numbers, enough to carve node and pod address blocks. */

export interface Cidr {
  base: number;
  prefix: number;
}

export interface AddressRange {
  first: number;
  last: number;
}

export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** An IPv4 CIDR with its host bits cleared; undefined for IPv6 or malformed text. */
export function parseCIDR(text: string): Cidr | undefined {
  const [ip, bits, extra] = text.split('/');
  if (extra !== undefined || bits === undefined || !/^\d{1,2}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  const addr = parseIPv4(ip);
  if (addr === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { base: addr - (addr % size), prefix };
}

function blockSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/**
 * Addresses a pod may get from a node's block: the network address and the bridge gateway (.1) are taken, and so
 * is the broadcast address, as host-local IPAM leaves them.
 */
export function podHostRange(cidr: Cidr): AddressRange | undefined {
  const size = blockSize(cidr);
  if (size < 4) return undefined;
  return { first: cidr.base + 2, last: cidr.base + size - 2 };
}

/** The index-th block of `maskSize` bits inside the cluster network (node i of 10.244.0.0/16 gets 10.244.i.0/24). */
export function nodeBlock(network: Cidr, maskSize: number, index: number): Cidr {
  return { base: (network.base + index * 2 ** (32 - maskSize)) % 2 ** 32, prefix: maskSize };
}

export function contains(cidr: Cidr, address: number): boolean {
  return address >= cidr.base && address < cidr.base + blockSize(cidr);
}
