import { readFileSync } from 'node:fs';
import { parseCsv } from './csv.js';
import type { UserInfo } from './user.js';

/** A --token-auth-file that cannot be used: the server refuses to start, as upstream does. */
export class TokenFileError extends Error {
  override name = 'TokenFileError';
}

export interface TokenFile {
  /** Token → the user it authenticates as. */
  tokens: Map<string, UserInfo>;
  /** Rows upstream accepts but logs a warning for (empty or duplicate tokens). */
  warnings: string[];
}

/**
 * Upstream's tokenfile.NewCSV: `token,user,uid[,"group1,group2"]` per line. A row with fewer than three columns
 * stops the whole file; an empty token is skipped; a repeated token is taken from its last row.
 */
export function parseTokenFile(text: string, path: string): TokenFile {
  const tokens = new Map<string, UserInfo>();
  const warnings: string[] = [];
  let recordNumber = 0;
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    throw new TokenFileError(`token file '${path}': ${(err as Error).message}`);
  }
  for (const { fields } of records) {
    if (fields.length < 3) {
      throw new TokenFileError(`token file '${path}' must have at least 3 columns (token, user name, user uid), found ${fields.length}`);
    }
    recordNumber++;
    const [token, name, uid, groups] = fields;
    if (token === '') {
      warnings.push(`empty token has been found in token file '${path}', record number '${recordNumber}'`);
      continue;
    }
    if (tokens.has(token)) warnings.push(`duplicate token has been found in token file '${path}', record number '${recordNumber}'`);
    tokens.set(token, { name, uid, groups: groups === undefined ? [] : groups.split(',') });
  }
  return { tokens, warnings };
}

export function readTokenFile(path: string): TokenFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new TokenFileError(`cannot read token file '${path}': ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseTokenFile(text, path);
}
