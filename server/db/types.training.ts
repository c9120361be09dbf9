import type { ColumnType, Generated } from "kysely";

/** Tables of migration 0030 (training, competences, certificates); part of `DB` in types.ts. */
type Json = ColumnType<unknown, string, string>;
type Numeric = ColumnType<string, number | string, number | string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CompetencesTable {
  code: string;
  name_en: string;
  name_ur: string;
  description: Generated<string>;
  case_categories: ColumnType<string[], string[] | undefined, string[]>;
  mla_kinds: ColumnType<string[], string[] | undefined, string[]>;
  source: Generated<string>;
  version: Generated<number>;
  updated_at: Stamp;
}

export interface TrainingModulesTable {
  id: Generated<string>;
  code: string;
  title: string;
  description: Generated<string>;
  language: "en" | "ur";
  duration_minutes: number;
  topic: string;
  competence_code: string | null;
  pass_mark: number;
  published: Generated<boolean>;
  version: Generated<number>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface TrainingPagesTable {
  id: Generated<string>;
  module_id: string;
  position: number;
  title: string;
  body: string;
}

export interface TrainingAttachmentsTable {
  id: Generated<string>;
  page_id: string;
  blob_sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: ColumnType<number, number, number>;
  uploaded_by: string;
  uploaded_at: Stamp;
}

export interface TrainingQuestionsTable {
  id: Generated<string>;
  module_id: string;
  position: number;
  prompt: string;
  options: string[];
  correct: number[];
  explanation: Generated<string>;
}

export interface TrainingEnrolmentsTable {
  id: Generated<string>;
  user_id: string;
  module_id: string;
  enrolled_at: Stamp;
  completed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface TrainingPageReadsTable {
  enrolment_id: string;
  page_id: string;
  read_at: Stamp;
}

export interface TrainingAttemptsTable {
  id: Generated<string>;
  enrolment_id: string;
  module_version: number;
  answers: Json;
  score: number;
  total: number;
  percent: Numeric;
  passed: boolean;
  submitted_at: Stamp;
}

export interface TrainingCertificatesTable {
  id: Generated<string>;
  code: string;
  enrolment_id: string;
  attempt_id: string;
  user_id: string;
  module_id: string;
  competence_code: string | null;
  module_code: string;
  module_title: string;
  module_version: number;
  pass_mark: number;
  duration_minutes: number;
  percent: Numeric;
  issued_at: Stamp;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface TrainingTables {
  competences: CompetencesTable;
  training_modules: TrainingModulesTable;
  training_pages: TrainingPagesTable;
  training_attachments: TrainingAttachmentsTable;
  training_questions: TrainingQuestionsTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_page_reads: TrainingPageReadsTable;
  training_attempts: TrainingAttemptsTable;
  training_certificates: TrainingCertificatesTable;
}
