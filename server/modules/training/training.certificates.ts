import type { Certificate, CertificateVerification } from "../../../common/schemas/training.ts";
import { normaliseCertificateCode } from "../../../common/training/certificate-code.ts";
import type { Database } from "../../db/connection.ts";
import { inTransaction, type Trx } from "../../db/transaction.ts";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import { courtDay } from "../../platform/clock.ts";
import { Problem, problems } from "../../platform/errors.ts";
import { assertManagesTraining, trainingOversight } from "./training.policy.ts";

/**
 * Certificates: read by their holder, by administrators and the Law Ministry, and by a nodal officer for their
 * organisation; revoked only by administrators, with a reason (the competence it granted is gone from that
 * moment: the engine's facts version moves with it). The public verification answers from the code alone and
 * shows only what a reader of the paper needs to match it.
 */
type Q = Database | Trx;

function certificates(q: Q) {
  return q
    .selectFrom("training_certificates as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .innerJoin("organisations as o", "o.id", "u.organisation_id")
    .leftJoin("competences as c", "c.code", "t.competence_code")
    .select([
      "t.id",
      "t.code",
      "t.percent",
      "t.issued_at",
      "t.revoked_at",
      "t.revoke_reason",
      "t.user_id",
      "u.full_name",
      "o.id as org_id",
      "o.code as org_code",
      "o.name_en as org_en",
      "o.name_ur as org_ur",
      // the module as certified (snapshot), not as it may have been edited since
      "t.module_id",
      "t.module_code",
      "t.module_title",
      "t.duration_minutes",
      "t.pass_mark",
      "t.competence_code",
      "c.name_en as competence_en",
      "c.name_ur as competence_ur",
    ]);
}
export type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificates>["executeTakeFirstOrThrow"]>>;

export const presentCertificate = (r: CertificateRow): Certificate => ({
  id: r.id,
  code: r.code,
  holder: {
    id: r.user_id,
    fullName: r.full_name,
    organisation: { id: r.org_id, code: r.org_code, nameEn: r.org_en, nameUr: r.org_ur },
  },
  module: { id: r.module_id, code: r.module_code, title: r.module_title },
  competence: r.competence_code
    ? { code: r.competence_code, nameEn: r.competence_en ?? "", nameUr: r.competence_ur ?? "" }
    : null,
  percent: Number(r.percent),
  issuedAt: r.issued_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
  revokeReason: r.revoke_reason,
});

/** The certificates the actor may read: their own, and those of the organisations they oversee. */
function scoped(q: Q, actor: Actor) {
  const oversight = trainingOversight(actor);
  const query = certificates(q);
  if (oversight && "all" in oversight) return query;
  return query.where((eb) =>
    oversight
      ? eb.or([eb("t.user_id", "=", actor.userId), eb("u.organisation_id", "=", oversight.organisationId)])
      : eb("t.user_id", "=", actor.userId),
  );
}

export type CertificateFilter = { userId?: string; moduleId?: string; code?: string };

export async function listCertificates(db: Database, actor: Actor, f: CertificateFilter) {
  let query = scoped(db, actor);
  if (f.userId) query = query.where("t.user_id", "=", f.userId);
  if (f.moduleId) query = query.where("t.module_id", "=", f.moduleId);
  if (f.code) query = query.where("t.code", "=", normaliseCertificateCode(f.code) ?? f.code.toUpperCase());
  const rows = await query.orderBy("t.issued_at", "desc").orderBy("t.id").limit(500).execute();
  return { items: rows.map(presentCertificate) };
}

/** One certificate in the actor's reach; anything else is 404, as if it did not exist. */
export async function certificateFor(q: Q, actor: Actor, id: string): Promise<CertificateRow> {
  const row = await scoped(q, actor).where("t.id", "=", id).executeTakeFirst();
  if (!row) throw problems.notFound("certificate");
  return row;
}

/**
 * The holder (or an administrator) downloads the PDF; the download is audited once the file is made, so a
 * failed rendering leaves no record of a download. A revoked certificate is not printed.
 */
export function printCertificate(
  db: Database,
  actor: Actor,
  id: string,
  render: (row: CertificateRow) => Promise<Buffer>,
): Promise<{ row: CertificateRow; pdf: Buffer }> {
  return inTransaction(db, async (trx) => {
    const row = await certificateFor(trx, actor, id);
    if (row.user_id !== actor.userId) assertManagesTraining(actor);
    if (row.revoked_at) throw problems.conflict("certificate_revoked", "This certificate was revoked.");
    const pdf = await render(row);
    await recordAudit(trx, actor, {
      action: "training.certificate_downloaded",
      entityType: "training_certificate",
      entityId: id,
      organisationId: row.org_id,
      changes: { code: row.code },
    });
    return { row, pdf };
  });
}

export function revokeCertificate(
  db: Database,
  actor: Actor,
  id: string,
  reason: string,
): Promise<Certificate> {
  assertManagesTraining(actor);
  return inTransaction(db, async (trx) => {
    const row = await certificateFor(trx, actor, id);
    const locked = await trx
      .selectFrom("training_certificates")
      .select("revoked_at")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.revoked_at) throw problems.conflict("already_revoked", "This certificate is already revoked.");
    await trx
      .updateTable("training_certificates")
      .set({ revoked_at: new Date(), revoked_by: actor.userId, revoke_reason: reason })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, actor, {
      action: "training.certificate_revoked",
      entityType: "training_certificate",
      entityId: id,
      organisationId: row.org_id,
      changes: { code: row.code, holder: row.user_id, competence: row.competence_code, reason },
    });
    return presentCertificate(await certificateFor(trx, actor, id));
  });
}

const notIssued = () =>
  new Problem(404, "certificate_not_found", "CAMS has not issued a certificate with this code.");

/** Public: what a certificate's code stands for. A malformed code or one never issued is the same 404. */
export async function verifyCertificate(db: Database, typed: string): Promise<CertificateVerification> {
  const code = normaliseCertificateCode(typed);
  if (code === null) throw notIssued();
  const r = await certificates(db).where("t.code", "=", code).executeTakeFirst();
  if (!r) throw notIssued();
  return {
    code: r.code,
    status: r.revoked_at ? "revoked" : "valid",
    holderName: r.full_name,
    organisation: { nameEn: r.org_en, nameUr: r.org_ur },
    moduleTitle: r.module_title,
    competence: r.competence_code ? { nameEn: r.competence_en ?? "", nameUr: r.competence_ur ?? "" } : null,
    issuedOn: courtDay(r.issued_at),
    revokedOn: r.revoked_at ? courtDay(r.revoked_at) : null,
  };
}
