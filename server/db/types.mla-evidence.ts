import type { Generated } from "kysely";

/** Tables of migration 0014 (evidence received on MLA requests); part of `DB` in types.ts. */
export type EvidenceSourceKind = "provider" | "foreign_authority" | "domestic_authority" | "other";
export type CertificationKind =
  | "none"
  | "provider_certificate"
  | "foreign_authority_certificate"
  | "central_authority_certificate";

export interface MlaEvidenceItemsTable {
  id: Generated<string>;
  request_id: string;
  label: string;
  description: Generated<string>;
  source_kind: EvidenceSourceKind;
  source_name: string;
  received_at: Date;
  sha256: string;
  size_bytes: number | null;
  blob_sha256: string | null;
  media_type: string | null;
  file_name: string | null;
  certification_kind: Generated<CertificationKind>;
  certified_by: string | null;
  certified_at: Date | null;
  certification_note: Generated<string>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MlaCustodyEntriesTable {
  id: Generated<number>;
  item_id: string;
  at: Date;
  recorded_at: Generated<Date>;
  action: string;
  from_holder: Generated<string>;
  to_holder: Generated<string>;
  location: Generated<string>;
  note: Generated<string>;
  actor_id: string;
  hash_verified: boolean | null;
  observed_sha256: string | null;
}

export interface MlaEvidenceTables {
  mla_evidence_items: MlaEvidenceItemsTable;
  mla_custody_entries: MlaCustodyEntriesTable;
}
