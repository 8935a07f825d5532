import { withArticle } from './choices';
import { fail, Where } from './errors';

/** An OpenStack / NHN Cloud resource ID: a UUID, 8-4-4-4-12 hex digits. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Returns `id` when it is a UUID. `what` names the resource in the message (`subnet`); `fix` says where
 * the user finds the ID.
 * @default fix: "pass the <what>'s UUID"
 */
export function checkUuid(id: string, where: Where, what: string, fix = `pass the ${what}'s UUID`): string {
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) {
    fail(where, id, `${withArticle(what)} ID is a UUID (8-4-4-4-12 hex digits)`, fix);
  }
  return id;
}
