/** Roles of DOMAIN.md §2. Their names and descriptions live in reference/roles.json; the codes are fixed. */
export const ROLES = [
  "focal_person",
  "nodal_officer",
  "law_ministry",
  "assigning_officer",
  "law_officer",
  "executive_viewer",
  "central_authority",
  "requesting_agency",
  "auditor",
  "administrator",
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
