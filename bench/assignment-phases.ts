import pg from "pg";
import { z } from "zod";
import { policyConfig, previewSchema } from "../common/schemas/assignment.ts";
import { openDatabase } from "../server/db/connection.ts";
import { runBatch } from "../server/modules/assignment/assignment.batch.ts";
import {
  loadCaseFacts,
  loadOfficerFacts,
  tierTotalsOf,
} from "../server/modules/assignment/assignment.facts.ts";
import { readPolicy } from "../server/modules/assignment/policies.service.ts";
import { loadWeights } from "../server/modules/cases/case-weight.ts";
import { displayNumber } from "../server/modules/cases/cases.present.ts";
import { caseQuery } from "../server/modules/cases/cases.repo.ts";
import type { Actor } from "../server/platform/actor.ts";
import type { Generated } from "./assignment-data.ts";
import { mb, quantile } from "./bench-report.ts";
import { DB_URL } from "./bench-server.ts";

export type Phase = { step: string; ms: number; note: string };

export async function inProcess(data: Generated, ids: string[]): Promise<Phase[]> {
  const handle = await openDatabase({ databaseUrl: DB_URL, dataDir: "memory" });
  const db = handle.db;
  const actor: Actor = {
    userId: data.assigningOfficer.id,
    username: data.assigningOfficer.username,
    fullName: "Bench Assigning Officer",
    organisationId: data.officeId,
    organisationKind: "law_office",
    roles: new Set(["assigning_officer"]),
    locale: "en",
    sessionId: "bench",
    ip: null,
    userAgent: null,
    requestId: null,
  };
  const out: Phase[] = [];
  const median = async (runs: number, f: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await f();
      times.push(performance.now() - t0);
    }
    return quantile(
      times.sort((a, b) => a - b),
      0.5,
    );
  };
  const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
    const t0 = performance.now();
    const r = await f();
    return [r, performance.now() - t0];
  };
  try {
    const today = new Date().toISOString().slice(0, 10);
    const visible = (xs: string[]) =>
      caseQuery(db, actor)
        .select([
          "c.id",
          "c.version",
          "c.title",
          "c.number",
          "c.number_suffix",
          "c.year",
          "c.assigned_officer_id",
          "t.abbreviation as type_abbreviation",
        ])
        .where("c.id", "in", xs)
        .execute();
    await loadOfficerFacts(db, data.officeId, today); // warm the pool and the JIT
    const weights = await loadWeights(db);
    // one case, as a suggestion does it (median of 10)
    out.push({
      step: "1 case: visible-cases query",
      ms: await median(10, () => visible([ids[0]!])),
      note: "",
    });
    out.push({
      step: "1 case: readPolicy + loadWeights",
      ms: await median(10, async () => {
        await readPolicy(db, data.officeId);
        await loadWeights(db);
      }),
      note: "",
    });
    out.push({
      step: "1 case: loadOfficerFacts (1,000 officers)",
      ms: await median(10, () => loadOfficerFacts(db, data.officeId, today)),
      note: "6 queries; two aggregate every open assignment",
    });
    out.push({
      step: "1 case: loadCaseFacts",
      ms: await median(10, () => loadCaseFacts(db, [ids[0]!], weights)),
      note: "",
    });
    // 10,000 cases, as a bulk preview does it
    const [rows, tVisible] = await time(() => visible(ids));
    out.push({ step: "10k: visible-cases query", ms: tVisible, note: `${rows.length} rows` });
    const [policy, tPolicy] = await time(() => readPolicy(db, data.officeId));
    out.push({ step: "10k: readPolicy", ms: tPolicy, note: "" });
    const [officers, tOfficers] = await time(() => loadOfficerFacts(db, data.officeId, today));
    out.push({ step: "10k: loadOfficerFacts", ms: tOfficers, note: `${officers.length} officers` });
    const tenth = ids.slice(0, Math.ceil(ids.length / 10));
    const [, tTenth] = await time(() => loadCaseFacts(db, tenth, weights));
    out.push({
      step: `${tenth.length}: loadCaseFacts (for comparison)`,
      ms: tTenth,
      note: `${tenth.length} ids`,
    });
    const [facts, tFacts] = await time(() => loadCaseFacts(db, ids, weights));
    out.push({
      step: "10k: loadCaseFacts",
      ms: tFacts,
      note: `10× the cases of the line above; ${(tFacts / tTenth).toFixed(0)}× the time`,
    });
    const inputs = {
      officers,
      tiers: tierTotalsOf(officers),
      policy: policyConfig.parse(policy.config),
      now: new Date().toISOString(),
    };
    const [outcomes, tRun] = await time(() => runBatch(inputs, facts, "0".repeat(32)));
    out.push({ step: "10k: runBatch (engine, decideMany)", ms: tRun, note: "pure JS" });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const response = {
      batchId: "00000000-0000-4000-8000-000000000000",
      kind: "bulk" as const,
      policy: { id: policy.id, version: policy.version, strategy: policy.config.strategy },
      items: outcomes.map((o) => {
        const c = byId.get(o.facts.id)!;
        return {
          caseId: c.id,
          displayNumber: displayNumber(c),
          title: c.title,
          weight: o.facts.weight,
          decision: o.decision,
        };
      }),
    };
    const [encoded, tEncode] = await time(() => z.safeEncode(previewSchema, response));
    out.push({
      step: "10k: response schema check (zod safeEncode)",
      ms: tEncode,
      note: "fastify-type-provider-zod",
    });
    const [json, tJson] = await time(() => JSON.stringify(encoded.data));
    out.push({ step: "10k: JSON.stringify of the response", ms: tJson, note: mb(json.length) });
    const [, tLedgerJson] = await time(() =>
      outcomes.map((o) => [JSON.stringify({ case: o.facts }), JSON.stringify(o.decision)]),
    );
    out.push({
      step: "10k: JSON.stringify of the ledger rows (commit)",
      ms: tLedgerJson,
      note: "decision + inputs per row",
    });
  } finally {
    await handle.close();
  }
  return out;
}

export type Explained = { query: string; planning: number; execution: number; top: string };

/** EXPLAIN ANALYZE of loadOfficerFacts' two aggregates, written as Kysely writes them, officer ids inlined. */
export async function explainOfficerAggregates(officeId: string): Promise<Explained[]> {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  try {
    const ids = (
      await db.query<{ id: string }>(
        `select u.id from officer_profiles p join users u on u.id = p.user_id where u.organisation_id = $1`,
        [officeId],
      )
    ).rows.map((r) => `'${r.id}'`);
    const list = ids.join(", ");
    const queries = {
      "load and open cases per officer": `select "a"."officer_id", sum(a.weight) as "load", count(*) as "open_cases" from "case_assignments" as "a" inner join "cases" as "c" on "c"."id" = "a"."case_id" where "a"."ended_at" is null and "c"."status" in ('pending', 'appealed') and "a"."officer_id" in (${list}) group by "a"."officer_id"`,
      "last assignment per officer": `select "officer_id", max(assigned_at) as "last" from "case_assignments" where "officer_id" in (${list}) group by "officer_id"`,
    };
    const out: Explained[] = [];
    for (const [name, q] of Object.entries(queries)) {
      await db.query(q); // warm
      const plan = (await db.query<{ "QUERY PLAN": string }>(`explain (analyze) ${q}`)).rows.map(
        (r) => r["QUERY PLAN"],
      );
      const num = (re: RegExp) =>
        Number(plan.find((l) => re.test(l))?.match(/([\d.]+) ms/)?.[1] ?? Number.NaN);
      out.push({
        query: name,
        planning: num(/Planning Time/),
        execution: num(/Execution Time/),
        top: plan
          .filter((l) => /Seq Scan|Index|Hash Join|Nested Loop|Aggregate/.test(l))
          .map((l) =>
            l
              .trim()
              .replace(/\s+\(cost=.*?\)/, "")
              .replace(/ \(actual time=[\d.]+\.\./, " (")
              .replace(/ loops=1\)/, ")"),
          )
          .join(" ← "),
      });
    }
    return out;
  } finally {
    await db.end();
  }
}
