/**
 * A small seeded PRNG for the demo data. mulberry32: 32-bit state, fast, and good enough to make data look
 * varied — never for anything security-related. The same seed gives the same demo on every machine.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = {
  /** [0, 1) */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; items with weight 0 are never picked. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** k distinct items, in their original order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** Log-uniform between min and max, rounded to `step` — amounts of money spread over orders of magnitude. */
  amount(min: number, max: number, step?: number): number;
};

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)]!;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((s, [, w]) => s + w, 0);
      if (total <= 0) throw new Error("weighted pick with no weight");
      let r = next() * total;
      for (const [item, w] of items) {
        if (r < w) return item;
        r -= w;
      }
      return items.findLast(([, w]) => w > 0)![0];
    },
    sample<T>(items: readonly T[], k: number): T[] {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(k, items.length)) chosen.add(int(0, items.length - 1));
      return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
    },
    amount(min: number, max: number, step = 1000) {
      const v = Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min)));
      return Math.max(step, Math.round(v / step) * step);
    },
  };
}

/** Date arithmetic on 'YYYY-MM-DD' strings in UTC, so no time zone or clock leaks into the data. */
export function addDays(iso: string, days: number): string {
  return isoOf(dayOf(iso) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayOf(to) - dayOf(from);
}

// Days since 1970 and back, remembered: the synthetic data (cams seed --synthetic) does millions of these.
const DAY_MS = 86_400_000;
const days = new Map<string, number>();
const isos = new Map<number, string>();
function dayOf(iso: string): number {
  let day = days.get(iso);
  if (day === undefined) {
    day = Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    if (days.size < 200_000 && Number.isFinite(day)) days.set(iso, day);
  }
  return day;
}
function isoOf(day: number): string {
  let iso = isos.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isos.size < 200_000) isos.set(day, iso);
  }
  return iso;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** "14-03-2019", the way Pakistani orders write a date. */
export function courtDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}-${m}-${y}`;
}
