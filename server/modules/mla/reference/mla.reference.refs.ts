import type { DirectoryKind } from "../../../../common/schemas/mla.reference.ts";
import type { Trx } from "../../../db/transaction.ts";
import { type FieldError, problems } from "../../../platform/errors.ts";

/**
 * Codes one directory entry names in another: a contact's state and provider, a provider's state and its
 * entities' states, a state's conventions. A code the directory does not hold would make the checker answer
 * "not recorded" where the Central Authority meant a fact, so it is refused (422) naming the field.
 */
export async function checkReferences(
  trx: Trx,
  kind: DirectoryKind,
  code: string,
  data: Record<string, unknown>,
) {
  const rows = await trx.selectFrom("mla_directory_entries").select(["kind", "code"]).execute();
  const has = (k: DirectoryKind, c: string) =>
    (k === kind && c === code) || rows.some((r) => r.kind === k && r.code === c);
  const errors: FieldError[] = [];
  const need = (k: DirectoryKind, c: unknown, path: string) => {
    if (typeof c === "string" && !has(k, c))
      errors.push({ path: `body.data.${path}`, message: `${c} is not a ${k} in the directory` });
  };
  if (kind === "contact") {
    need("state", data.state, "state");
    need("provider", data.provider, "provider");
  }
  if (kind === "provider") {
    need("state", data.state, "state");
    const entities = (data.entities ?? []) as { state: string }[];
    entities.forEach((e, i) => {
      need("state", e.state, `entities.${i}.state`);
    });
  }
  if (kind === "state") {
    const conventions = (data.conventionsWithPakistan as { value: string[] } | undefined)?.value ?? [];
    conventions.forEach((c, i) => {
      need("instrument", c, `conventionsWithPakistan.value.${i}`);
    });
  }
  if (errors.length > 0)
    throw problems.unprocessable(
      "unknown_reference",
      "The entry names codes the directory does not hold.",
      errors,
    );
}
