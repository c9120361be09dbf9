import type { Database } from "../../db/connection.ts";
import type { Trx } from "../../db/transaction.ts";

/**
 * Case weights (editable data in `assignment_weights`): what a case adds to an officer's load. Kept with the
 * cases module because every path that assigns a case — the engine and the manual endpoint — needs them.
 */
type Q = Database | Trx;

export type Weights = {
  caseType: Map<string, number>;
  flag: Map<string, number>;
  amountOver: { weight: number; threshold: number } | null;
};

export async function loadWeights(q: Q): Promise<Weights> {
  const rows = await q.selectFrom("assignment_weights").selectAll().execute();
  const amount = rows.find((r) => r.kind === "amount_over");
  return {
    caseType: new Map(rows.filter((r) => r.kind === "case_type").map((r) => [r.key, Number(r.weight)])),
    flag: new Map(rows.filter((r) => r.kind === "flag").map((r) => [r.key, Number(r.weight)])),
    amountOver: amount?.threshold
      ? { weight: Number(amount.weight), threshold: Number(amount.threshold) }
      : null,
  };
}

type WeighableCase = {
  type_code: string;
  is_constitutional: boolean;
  is_contempt: boolean;
  is_tax_recovery: boolean;
  amount_involved: string | null;
};

/** A case's weight: its type's weight (1 when unset) plus its flags' and a large amount's. */
export function caseWeight(c: WeighableCase, w: Weights): number {
  let weight = w.caseType.get(c.type_code) ?? 1;
  if (c.is_constitutional) weight += w.flag.get("constitutional") ?? 0;
  if (c.is_contempt) weight += w.flag.get("contempt") ?? 0;
  if (c.is_tax_recovery) weight += w.flag.get("tax_recovery") ?? 0;
  if (w.amountOver && c.amount_involved !== null && Number(c.amount_involved) >= w.amountOver.threshold) {
    weight += w.amountOver.weight;
  }
  return Math.round(weight * 100) / 100;
}
