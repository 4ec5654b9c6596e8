/**
 * Result of a calculation that may be meaningless for its inputs (a zero base, a text target…).
 * A failed result carries a Chinese reason for the reader and never a number.
 */
export type Outcome<T extends object> = ({ ok: true } & T) | { ok: false; reason: string };

/** Builds a failed outcome. */
export function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
