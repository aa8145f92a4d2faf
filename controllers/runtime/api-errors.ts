import { ApiError } from '../../server/errors.js';

/** The store refused a create because the namespace is being deleted (upstream's NamespaceTerminating cause). */
export function isNamespaceTerminating(err: unknown): boolean {
  return err instanceof ApiError && err.code === 403 && !!err.details?.causes?.some((c) => c.reason === 'NamespaceTerminating');
}

export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.code === 404;
}
