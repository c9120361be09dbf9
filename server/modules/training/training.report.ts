import { sql } from "kysely";
import type { CompletionRow } from "../../../common/schemas/training.ts";
import type { Database } from "../../db/connection.ts";
import type { Actor } from "../../platform/actor.ts";
import { problems } from "../../platform/errors.ts";
import { type Sheet, sheet } from "../exports/export.table.ts";
import { assertReadsReport } from "./training.policy.ts";

/**
 * Completion by organisation and module (issue 9 item 4): for every organisation in the reader's oversight that
 * has active people, and every published module, how many of its people enrolled, how many completed (a
 * standing certificate), and how many certificates were revoked. The share is of the organisation's active
 * people, so a ministry sees how far training has reached, not only how its volunteers did.
 */
export type CompletionFilter = { organisationId?: string; moduleId?: string };

export async function completionReport(db: Database, actor: Actor, f: CompletionFilter) {
  const scope = assertReadsReport(actor);
  if ("organisationId" in scope && f.organisationId && f.organisationId !== scope.organisationId)
    throw problems.notFound("organisation");
  const organisationId = "organisationId" in scope ? scope.organisationId : (f.organisationId ?? null);
  const { rows } = await sql<{
    org_id: string;
    org_code: string;
    org_en: string;
    org_ur: string;
    module_id: string;
    module_code: string;
    title: string;
    people: number;
    enrolled: number;
    completed: number;
    revoked: number;
  }>`
    with people as (
      select u.organisation_id, count(*)::int as n from users u
      where u.status = 'active' and (${organisationId}::uuid is null or u.organisation_id = ${organisationId}::uuid)
      group by u.organisation_id
    ),
    progress as (
      -- per enrolment: a standing certificate (completed), and how many were revoked (one may follow another)
      select u.organisation_id, e.module_id,
        count(*)::int as enrolled,
        count(*) filter (where c.standing)::int as completed,
        coalesce(sum(c.revoked), 0)::int as revoked
      from training_enrolments e
      join users u on u.id = e.user_id and u.status = 'active'
      left join lateral (
        select bool_or(t.revoked_at is null) as standing, count(*) filter (where t.revoked_at is not null) as revoked
        from training_certificates t where t.enrolment_id = e.id
      ) c on true
      group by u.organisation_id, e.module_id
    )
    select o.id as org_id, o.code as org_code, o.name_en as org_en, o.name_ur as org_ur,
      m.id as module_id, m.code as module_code, m.title, p.n as people,
      coalesce(g.enrolled, 0) as enrolled, coalesce(g.completed, 0) as completed, coalesce(g.revoked, 0) as revoked
    from people p
    join organisations o on o.id = p.organisation_id
    cross join training_modules m
    left join progress g on g.organisation_id = p.organisation_id and g.module_id = m.id
    where m.published and (${f.moduleId ?? null}::uuid is null or m.id = ${f.moduleId ?? null}::uuid)
    order by o.code, m.title, m.id`.execute(db);
  return {
    rows: rows.map(
      (r): CompletionRow => ({
        organisation: { id: r.org_id, code: r.org_code, nameEn: r.org_en, nameUr: r.org_ur },
        module: { id: r.module_id, code: r.module_code, title: r.title },
        people: r.people,
        enrolled: r.enrolled,
        completed: r.completed,
        completionPercent: r.people === 0 ? 0 : Math.round((r.completed / r.people) * 1000) / 10,
        revoked: r.revoked,
      }),
    ),
  };
}

export function completionSheet(rows: readonly CompletionRow[]): Sheet {
  return sheet(
    "Training completion",
    [
      "Organisation",
      "Organisation name",
      "Module",
      "Module title",
      "People",
      "Enrolled",
      "Completed",
      "Completion %",
      "Revoked",
    ],
    rows.map((r) => [
      r.organisation.code,
      r.organisation.nameEn,
      r.module.code,
      r.module.title,
      r.people,
      r.enrolled,
      r.completed,
      r.completionPercent,
      r.revoked,
    ]),
  );
}
