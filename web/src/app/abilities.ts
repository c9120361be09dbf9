import type { Me } from "./types.ts";

/** Organisations and reference data are edited by administrators (`abilities.manageReference`). */
export function canManageReference(me: Pick<Me, "abilities" | "roles">): boolean {
  return me.abilities.manageReference || me.roles.includes("administrator");
}
