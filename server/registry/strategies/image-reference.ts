/**
 * The tag part of a container image reference as upstream's parsers.ParseImageName reads it (docker reference
 * grammar): `latest` when neither tag nor digest is given, '' for a digest-only or unparseable reference.
 */

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_RE = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const HEX64_RE = /^[a-f0-9]{64}$/;

export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  let rest = at >= 0 ? image.slice(0, at) : image;
  if (digest !== undefined && !DIGEST_RE.test(digest)) return '';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag = '';
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) return '';
  }
  if (!isRepository(rest)) return '';
  return tag || (digest === undefined ? 'latest' : '');
}

/** A first component is a registry host when it looks like one; the rest must be lower-case path components. */
function isRepository(name: string): boolean {
  if (HEX64_RE.test(name)) return false;
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const isDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  if (isDomain && !DOMAIN_RE.test(first)) return false;
  return PATH_RE.test(isDomain ? name.slice(slash + 1) : name);
}
