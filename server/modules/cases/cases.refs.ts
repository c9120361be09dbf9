import { caseNumberKey } from "../../../common/case-number.ts";
import type { Trx } from "../../db/transaction.ts";
import { type FieldError, problems } from "../../platform/errors.ts";

export type CaseRefs = {
  court: { id: string; code: string };
  bench: { id: string; code: string } | null;
  type: { id: string; code: string; abbreviation: string };
};

/**
 * Loads and checks the court, bench and case type a case points at. A bench must belong to the court; when
 * none is given the court's principal seat is used, because each seat keeps its own register of numbers.
 */
export async function resolveCaseRefs(
  trx: Trx,
  input: { courtId: string; benchId?: string | null | undefined; caseTypeId: string },
): Promise<CaseRefs> {
  const [court, type, benches] = await Promise.all([
    trx
      .selectFrom("courts")
      .select(["id", "code", "active"])
      .where("id", "=", input.courtId)
      .executeTakeFirst(),
    trx
      .selectFrom("case_types")
      .select(["id", "code", "abbreviation", "active"])
      .where("id", "=", input.caseTypeId)
      .executeTakeFirst(),
    trx
      .selectFrom("benches")
      .select(["id", "code", "is_principal_seat"])
      .where("court_id", "=", input.courtId)
      .where("active", "=", true)
      .execute(),
  ]);
  const errors: FieldError[] = [];
  if (!court?.active) errors.push({ path: "body.courtId", message: "no such court" });
  if (!type?.active) errors.push({ path: "body.caseTypeId", message: "no such case type" });
  let bench = input.benchId
    ? benches.find((b) => b.id === input.benchId)
    : benches.find((b) => b.is_principal_seat);
  if (input.benchId && !bench) errors.push({ path: "body.benchId", message: "is not a bench of this court" });
  if (!input.benchId && !bench) bench = undefined;
  if (errors.length > 0 || !court || !type) throw problems.validation(errors);
  return {
    court: { id: court.id, code: court.code },
    bench: bench ? { id: bench.id, code: bench.code } : null,
    type: { id: type.id, code: type.code, abbreviation: type.abbreviation },
  };
}

/** The register key: court, seat, type, number (with suffix) and year — unique across the system. */
export function caseKey(refs: CaseRefs, n: { number: number; suffix: string; year: number }): string {
  const number = caseNumberKey({
    typeCode: refs.type.code,
    number: n.number,
    suffix: n.suffix,
    year: n.year,
  });
  return `${refs.court.code}/${refs.bench?.code ?? "-"}/${number}`;
}

export async function assertOrganisationsExist(trx: Trx, ids: { path: string; id: string }[]) {
  const wanted = [...new Set(ids.map((i) => i.id))];
  if (wanted.length === 0) return;
  const found = await trx
    .selectFrom("organisations")
    .select("id")
    .where("id", "in", wanted)
    .where("active", "=", true)
    .execute();
  const known = new Set(found.map((f) => f.id));
  const errors = ids
    .filter((i) => !known.has(i.id))
    .map((i) => ({ path: i.path, message: "no such organisation" }));
  if (errors.length > 0) throw problems.validation(errors);
}
