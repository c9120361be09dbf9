/**
 * Row ids of the synthetic data: a tag per table in the first group and the row's ordinal in the last, shaped
 * as version-4 UUIDs. Deterministic (the same seed gives the same ids), known before the insert (a hearing can
 * name the one before it, a task its deadline) and ascending, so primary-key inserts append to the index.
 */
export const TAG = {
  user: 1,
  case: 2,
  party: 3,
  hearing: 4,
  document: 5,
  version: 6,
  deadline: 7,
  task: 8,
  assignment: 9,
  seat: 10,
} as const;

export function synthId(tag: number, n: number): string {
  return `${tag.toString(16).padStart(8, "0")}-5eed-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** A counter per table: next(TAG.hearing) is the next hearing's id. */
export class IdCounter {
  private readonly last = new Map<number, number>();
  next(tag: number): string {
    const n = (this.last.get(tag) ?? 0) + 1;
    this.last.set(tag, n);
    return synthId(tag, n);
  }
  count(tag: number): number {
    return this.last.get(tag) ?? 0;
  }
}
