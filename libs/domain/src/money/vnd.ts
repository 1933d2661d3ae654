/**
 * Money is VND in whole đồng. JSON carries it as an integer, checked to stay within the range a
 * JavaScript number holds exactly (2^53 − 1 đồng is far above any budget); PostgreSQL stores bigint.
 */
export function isVnd(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A bigint column comes back from pg as a string; refuse anything a JS number cannot hold exactly. */
export function vndFromDb(value: string | number | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`VND amount ${value} is outside the safe integer range`);
  return n;
}
