import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { commitSchema, previewSchema } from "../../../common/schemas/assignment.ts";
import { courtDay } from "../../platform/clock.ts";
import { makeOrganisation, referenceIds, signedIn, TEST_PASSWORD } from "../../test/factories.ts";
import { call, login, type Session, testApp } from "../../test/harness.ts";
import { makeOffice, registerCases, verifyLedger } from "./assignment.fixtures.ts";

let solicitor: Session;
beforeAll(async () => {
  solicitor = await signedIn(["law_ministry"]);
});

describe("assignment engine over HTTP", () => {
  it("suggests for one case with explanations, and commits the policy's choice to the ledger", async () => {
    const office = await makeOffice(3);
    const { ids } = await registerCases(1);
    const preview = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/cases/${ids[0]}/suggestion`,
      body: {},
    });
    expect(preview.statusCode).toBe(201);
    const item = preview.json().items[0];
    expect(item.decision.candidates).toHaveLength(3);
    expect(item.decision.candidates[0].factors.length).toBeGreaterThan(0);
    expect(item.decision.stepText).toMatch(/\w/);
    // served without the zod check (plainJsonResponse), so held to the schema here: nothing missing, nothing extra
    expect(previewSchema.parse(preview.json())).toEqual(preview.json());
    const committed = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${preview.json().batchId}/commit`,
      body: {},
    });
    expect(committed.statusCode).toBe(200);
    expect(commitSchema.parse(committed.json())).toEqual(committed.json());
    expect(committed.json().items[0]).toMatchObject({
      officerId: item.decision.chosenOfficerId,
      method: "policy",
    });
    const detail = await call(solicitor, { method: "GET", url: `/api/v1/cases/${ids[0]}` });
    expect(detail.json().assignedOfficer.id).toBe(item.decision.chosenOfficerId);
    const again = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${preview.json().batchId}/commit`,
      body: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it("refuses an override without a written reason, and records one with it", async () => {
    const office = await makeOffice(2);
    const { ids } = await registerCases(1);
    const p = (
      await call(office.assigner, { method: "POST", url: `/api/v1/cases/${ids[0]}/suggestion`, body: {} })
    ).json();
    const other = office.officers.find((o) => o.id !== p.items[0].decision.chosenOfficerId)!;
    const url = `/api/v1/assignment/batches/${p.batchId}/commit`;
    const bare = await call(office.assigner, {
      method: "POST",
      url,
      body: { overrides: [{ caseId: ids[0], officerId: other.id }] },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].path).toBe("body.overrides.0.reason");
    const ok = await call(office.assigner, {
      method: "POST",
      url,
      body: {
        overrides: [
          { caseId: ids[0], officerId: other.id, reason: "Ministry asked for this counsel in writing" },
        ],
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items[0]).toMatchObject({ officerId: other.id, method: "override" });
  });

  it("bulk-assigns a queue evenly under least load, notifies officers, and the ledger replays", async () => {
    const office = await makeOffice(4);
    const { ids } = await registerCases(12);
    const preview = await call(office.assigner, {
      method: "POST",
      url: "/api/v1/assignment/preview",
      body: { caseIds: ids },
    });
    expect(preview.statusCode).toBe(201);
    expect(previewSchema.parse(preview.json())).toEqual(preview.json());
    // a bulk decision counts the exclusions instead of listing them, and leaves the factors' wording to the screen
    const first = preview.json().items[0].decision;
    expect(first.excluded).toEqual([]);
    expect(first.candidates[0].factors[0]).toMatchObject({ code: "load", text: "" });
    const commit = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${preview.json().batchId}/commit`,
      body: {},
    });
    expect(commit.json().assigned).toBe(12);
    const load = (await call(office.assigner, { method: "GET", url: "/api/v1/assignment/workload" })).json()
      .items;
    const loads = load.map((o: { load: number }) => o.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const officer = await login(office.officers[1]!.username, TEST_PASSWORD);
    const notes = (await call(officer, { method: "GET", url: "/api/v1/notifications" })).json();
    // 12 cases over 4 officers: one notice per officer for the batch, counting their 3 cases
    expect(notes.unread).toBe(1);
    expect(notes.items[0]).toMatchObject({ kind: "cases_assigned", caseId: null, params: { count: 3 } });
    const verify = await verifyLedger(office.id);
    expect(verify).toMatchObject({ checked: 12, reproduced: 12, failures: [] });
  });

  it("a tampered ledger row is reported by verification", async () => {
    const office = await makeOffice(3);
    const { ids } = await registerCases(3);
    const p = (
      await call(office.assigner, {
        method: "POST",
        url: "/api/v1/assignment/preview",
        body: { caseIds: ids },
      })
    ).json();
    await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${p.batchId}/commit`,
      body: {},
    });
    const { handle } = await testApp();
    const batch = await handle.db
      .selectFrom("assignment_batches")
      .select("decisions")
      .where("id", "=", p.batchId)
      .executeTakeFirstOrThrow();
    const decision = (batch.decisions as { decision: { chosenOfficerId: string } }[])[0]!.decision;
    const other = office.officers.find((o) => o.id !== decision.chosenOfficerId)!;
    await sql`update assignment_batches set decisions = jsonb_set(decisions::jsonb, '{0,decision,chosenOfficerId}', to_jsonb(${other.id}::text))::json where id = ${p.batchId}`.execute(
      handle.db,
    );
    const verify = await verifyLedger(office.id);
    const row = { id: `${p.batchId}#0` };
    expect(verify.failures.map((f: { decisionId: string }) => f.decisionId)).toContain(row.id);
  });

  it("two concurrent commits for one case: exactly one wins, the other gets 409", async () => {
    const office = await makeOffice(2);
    const { ids } = await registerCases(1);
    const a = (
      await call(office.assigner, {
        method: "POST",
        url: "/api/v1/assignment/preview",
        body: { caseIds: ids },
      })
    ).json();
    const b = (
      await call(office.assigner, {
        method: "POST",
        url: "/api/v1/assignment/preview",
        body: { caseIds: ids },
      })
    ).json();
    const results = await Promise.all(
      [a, b].map((p) =>
        call(office.assigner, {
          method: "POST",
          url: `/api/v1/assignment/batches/${p.batchId}/commit`,
          body: {},
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const { handle } = await testApp();
    const open = await handle.db
      .selectFrom("case_assignments")
      .select("id")
      .where("case_id", "=", ids[0]!)
      .where("ended_at", "is", null)
      .execute();
    expect(open).toHaveLength(1);
  });

  it("hands a departing officer's cases over: all redistributed, none lost; or returned to the queue", async () => {
    const office = await makeOffice(3);
    const { ids } = await registerCases(6);
    const p = (
      await call(office.assigner, {
        method: "POST",
        url: "/api/v1/assignment/preview",
        body: { caseIds: ids },
      })
    ).json();
    await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${p.batchId}/commit`,
      body: {},
    });
    const leaving = office.officers[0]!;
    const { handle } = await testApp();
    const held = await handle.db
      .selectFrom("cases")
      .select("id")
      .where("assigned_officer_id", "=", leaving.id)
      .execute();
    expect(held.length).toBeGreaterThan(0);
    const hp = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/officers/${leaving.id}/handover`,
      body: {},
    });
    expect(hp.statusCode).toBe(201);
    for (const item of hp.json().items) {
      expect(item.decision.chosenOfficerId).not.toBe(leaving.id);
      // the departing officer counts as inactive (a bulk list names no excluded officer, it counts them)
      expect(item.decision.excludedBy.inactive).toBeGreaterThanOrEqual(1);
      expect(item.decision.candidates.map((c: { officerId: string }) => c.officerId)).not.toContain(
        leaving.id,
      );
    }
    const done = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${hp.json().batchId}/commit`,
      body: {},
    });
    expect(done.json()).toMatchObject({ assigned: held.length, queued: 0 });
    const still = await handle.db
      .selectFrom("cases")
      .select("id")
      .where("assigned_officer_id", "=", leaving.id)
      .execute();
    expect(still).toHaveLength(0);
    const all = await handle.db
      .selectFrom("cases")
      .select("assigned_officer_id")
      .where("id", "in", ids)
      .execute();
    expect(all.every((c) => c.assigned_officer_id)).toBe(true);

    const second = office.officers[1]!;
    const q = (
      await call(office.assigner, {
        method: "POST",
        url: `/api/v1/assignment/officers/${second.id}/handover`,
        body: {},
      })
    ).json();
    const back = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${q.batchId}/return-to-queue`,
      body: { reason: "Officer retired" },
    });
    expect(back.json().queued).toBe(q.items.length);
    const queue = (
      await call(office.assigner, { method: "GET", url: "/api/v1/assignment/queue?limit=1000" })
    ).json().items;
    for (const item of q.items) expect(queue.map((x: { id: string }) => x.id)).toContain(item.caseId);

    // the loads a bulk commit and a handover add and take away equal a recount from the assignments
    const stored = await handle.db
      .selectFrom("officer_profiles")
      .select(["user_id", "open_load", "open_cases"])
      .where(
        "user_id",
        "in",
        office.officers.map((o) => o.id),
      )
      .orderBy("user_id")
      .execute();
    const recount = await sql<{ user_id: string; open_load: string; open_cases: number }>`
      select p.user_id, coalesce(sum(a.weight), 0)::numeric(10,2)::text as open_load, count(a.case_id)::int as open_cases
      from officer_profiles p
      left join case_assignments a on a.officer_id = p.user_id and a.ended_at is null
        and exists (select 1 from cases c where c.id = a.case_id and c.status in ('pending', 'appealed'))
      where p.user_id in (${sql.join(office.officers.map((o) => o.id))})
      group by p.user_id order by p.user_id`.execute(handle.db);
    expect(stored.map((r) => [r.user_id, Number(r.open_load), r.open_cases])).toEqual(
      recount.rows.map((r) => [r.user_id, Number(r.open_load), r.open_cases]),
    );
    expect(stored.some((r) => r.open_cases > 0)).toBe(true);
  });

  it("a manual assignment from the case page is decided by the engine first and kept with its candidate pool", async () => {
    const office = await makeOffice(2);
    const { ids } = await registerCases(1);
    const target = office.officers[1]!;
    const res = await call(solicitor, {
      method: "POST",
      url: `/api/v1/cases/${ids[0]}/assignment`,
      body: { version: 1, officerId: target.id, reason: "Appeared in the connected petition" },
    });
    expect(res.statusCode).toBe(200);
    const { handle } = await testApp();
    const assignment = await handle.db
      .selectFrom("case_assignments")
      .select(["batch_id", "batch_position"])
      .where("case_id", "=", ids[0]!)
      .executeTakeFirstOrThrow();
    const batch = await handle.db
      .selectFrom("assignment_batches")
      .select("decisions")
      .where("id", "=", assignment.batch_id!)
      .executeTakeFirstOrThrow();
    const entry = (
      batch.decisions as { method: string; officerId: string; reason: string; decision: unknown }[]
    )[assignment.batch_position!]!;
    const row = {
      method: entry.method,
      officer_id: entry.officerId,
      reason: entry.reason,
      decision: entry.decision,
      batch_id: assignment.batch_id,
    };
    const decision = row.decision as { candidates: { officerId: string }[]; chosenOfficerId: string };
    expect(decision.candidates.map((c) => c.officerId).sort()).toEqual(
      office.officers.map((o) => o.id).sort(),
    );
    expect(row).toMatchObject({ officer_id: target.id, reason: "Appeared in the connected petition" });
    expect(row.method).toBe(decision.chosenOfficerId === target.id ? "policy" : "override");
    expect(row.batch_id).not.toBeNull();
    const verify = await verifyLedger(office.id);
    expect(verify).toMatchObject({ checked: 1, reproduced: 1, failures: [] });
  });

  it("limits bulk previews to 20 a minute per user", async () => {
    const office = await makeOffice(1);
    const { ids } = await registerCases(1);
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await call(office.assigner, {
        method: "POST",
        url: "/api/v1/assignment/preview",
        body: { caseIds: ids },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 201)).toBe(true);
    expect(codes[20]).toBe(429);
    // another user of the same office still has their own allowance
    const colleague = await signedIn(["assigning_officer"], office.id);
    const theirs = await call(colleague, {
      method: "POST",
      url: "/api/v1/assignment/preview",
      body: { caseIds: ids },
    });
    expect(theirs.statusCode).toBe(201);
  });

  it("a suggestion flags the candidates listed before another court on a day the case is heard", async () => {
    const ref = await referenceIds();
    const office = await makeOffice(2, {
      seats: [
        { courtId: ref.court("IHC"), benchId: null },
        { courtId: ref.court("LHC"), benchId: null },
      ],
    });
    const [busy, free] = office.officers;
    const { focal, ids: elsewhere } = await registerCases(1, { courtId: ref.court("LHC") });
    const held = await call(solicitor, {
      method: "POST",
      url: `/api/v1/cases/${elsewhere[0]}/assignment`,
      body: { version: 1, officerId: busy!.id, reason: "Counsel in the LHC matter" },
    });
    expect(held.statusCode).toBe(200);
    const day = "2027-03-03";
    const before = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${elsewhere[0]}/hearings`,
      body: { date: day },
    });
    expect(before.statusCode).toBe(201);
    const { focal: registrar, ids } = await registerCases(1);
    const listed = await call(registrar, {
      method: "POST",
      url: `/api/v1/cases/${ids[0]}/hearings`,
      body: { date: day },
    });
    expect(listed.statusCode).toBe(201);
    const suggestion = (
      await call(office.assigner, { method: "POST", url: `/api/v1/cases/${ids[0]}/suggestion`, body: {} })
    ).json();
    expect(suggestion.items[0].hearingClashes).toEqual([
      { officerId: busy!.id, date: day, courtCode: "LHC", benchCode: "LHR" }, // a case with no bench sits at the principal seat
    ]);
    expect(suggestion.items[0].hearingClashes.map((c: { officerId: string }) => c.officerId)).not.toContain(
      free!.id,
    );
    expect(previewSchema.parse(suggestion)).toEqual(suggestion);
  });

  it("the queue holds the unassigned cases at the courts where the office's officers appear", async () => {
    const office = await makeOffice(1); // seated at IHC
    const ref = await referenceIds();
    const { ids: atIhc } = await registerCases(1);
    const { ids: atLhc } = await registerCases(1, { courtId: ref.court("LHC") });
    const queue = (await call(office.assigner, { method: "GET", url: "/api/v1/assignment/queue?limit=1000" }))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(queue).toContain(atIhc[0]);
    expect(queue).not.toContain(atLhc[0]);
  });

  it("a commit decides again when the facts changed after the preview (the kept preview is not reused)", async () => {
    const office = await makeOffice(2);
    const { ids } = await registerCases(2);
    const preview = (
      await call(office.assigner, {
        method: "POST",
        url: "/api/v1/assignment/preview",
        body: { caseIds: ids },
      })
    ).json();
    const previewed = new Set(
      preview.items.map((i: { decision: { chosenOfficerId: string } }) => i.decision.chosenOfficerId),
    );
    expect(previewed.size).toBe(2);
    const away = office.officers[0]!;
    const today = courtDay();
    const leave = await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/officers/${away.id}/leaves`,
      body: { startsOn: today, endsOn: today, reason: "Sudden illness" },
    });
    expect(leave.statusCode).toBe(201);
    const commit = (
      await call(office.assigner, {
        method: "POST",
        url: `/api/v1/assignment/batches/${preview.batchId}/commit`,
        body: {},
      })
    ).json();
    expect(commit.items.map((i: { officerId: string }) => i.officerId)).toEqual([
      office.officers[1]!.id,
      office.officers[1]!.id,
    ]);
    const verify = await verifyLedger(office.id);
    expect(verify).toMatchObject({ checked: 2, reproduced: 2, failures: [] });
  });

  it("excludes officers on leave or with a declared conflict, saying why", async () => {
    const office = await makeOffice(3);
    const [onLeave, conflicted] = office.officers;
    const today = courtDay();
    expect(
      (
        await call(office.assigner, {
          method: "POST",
          url: `/api/v1/assignment/officers/${onLeave!.id}/leaves`,
          body: { startsOn: today, endsOn: today, reason: "Hajj" },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await call(office.assigner, {
          method: "POST",
          url: `/api/v1/assignment/officers/${conflicted!.id}/conflicts`,
          body: { partyName: "Muhammad Ather", note: "Former client" },
        })
      ).statusCode,
    ).toBe(201);
    const { ids } = await registerCases(1);
    const d = (
      await call(office.assigner, { method: "POST", url: `/api/v1/cases/${ids[0]}/suggestion`, body: {} })
    ).json().items[0].decision;
    const reasonsOf = (id: string) =>
      d.excluded.find((e: { officerId: string }) => e.officerId === id)?.reasons;
    expect(reasonsOf(onLeave!.id)).toEqual([{ code: "on_leave", params: {}, text: "" }]);
    expect(reasonsOf(conflicted!.id)).toEqual([
      { code: "conflict_party", params: { party: "Muhammad Ather" }, text: "" },
    ]);
    expect(d.chosenOfficerId).toBe(office.officers[2]!.id);
  });

  it("keeps the office's assignment to its own assigning officer", async () => {
    const office = await makeOffice(1);
    const otherAssigner = await signedIn(["assigning_officer"], (await makeOrganisation("law_office")).id);
    const res = await call(otherAssigner, {
      method: "PUT",
      url: `/api/v1/assignment/officers/${office.officers[0]!.id}`,
      body: { version: 1, tier: "deputy_ag", expertise: [], maxLoad: 10, active: true, seats: [] },
    });
    expect(res.statusCode).toBe(404);
    const focal = await signedIn(["focal_person"]);
    expect(
      (await call(focal, { method: "GET", url: `/api/v1/assignment/workload?officeId=${office.id}` }))
        .statusCode,
    ).toBe(403);
  });

  it("a new policy version (rotation) takes turns, and its batches replay", async () => {
    const office = await makeOffice(3);
    const current = (await call(office.assigner, { method: "GET", url: "/api/v1/assignment/policy" })).json();
    const saved = await call(office.assigner, {
      method: "PUT",
      url: "/api/v1/assignment/policy",
      body: {
        version: current.version,
        config: { ...current.config, strategy: "rotation" },
        note: "Turn basis for routine writs",
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(current.version + 1);
    const stale = await call(office.assigner, {
      method: "PUT",
      url: "/api/v1/assignment/policy",
      body: { version: current.version, config: current.config, note: "late" },
    });
    expect(stale.statusCode).toBe(409);
    const { ids } = await registerCases(6);
    const p = (
      await call(office.assigner, {
        method: "POST",
        url: "/api/v1/assignment/preview",
        body: { caseIds: ids },
      })
    ).json();
    expect(p.policy).toMatchObject({ version: current.version + 1, strategy: "rotation" });
    const done = (
      await call(office.assigner, {
        method: "POST",
        url: `/api/v1/assignment/batches/${p.batchId}/commit`,
        body: {},
      })
    ).json();
    const counts = new Map<string, number>();
    for (const item of done.items) counts.set(item.officerId, (counts.get(item.officerId) ?? 0) + 1);
    expect([...counts.values()]).toEqual([2, 2, 2]);
    const verify = await verifyLedger(office.id);
    expect(verify).toMatchObject({ checked: 6, reproduced: 6 });
  });

  it("an officer's load follows the case: deciding it takes it off, reassigning moves it", async () => {
    const office = await makeOffice(2);
    const { focal, ids } = await registerCases(2);
    const p = (
      await call(office.assigner, {
        method: "POST",
        url: "/api/v1/assignment/preview",
        body: { caseIds: ids },
      })
    ).json();
    await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${p.batchId}/commit`,
      body: {},
    });
    const total = async () =>
      (await call(office.assigner, { method: "GET", url: "/api/v1/assignment/workload" }))
        .json()
        .items.reduce((n: number, o: { openCases: number }) => n + o.openCases, 0);
    expect(await total()).toBe(2);
    const c = (await call(focal, { method: "GET", url: `/api/v1/cases/${ids[0]}` })).json();
    const decided = await call(focal, {
      method: "POST",
      url: `/api/v1/cases/${ids[0]}/status`,
      body: {
        version: c.version,
        status: "decided",
        decidedOn: "2026-11-01",
        outcome: "dismissed",
        governmentResult: "in_favour",
      },
    });
    expect(decided.statusCode).toBe(200);
    expect(await total()).toBe(1);
  });

  it("edits a weight (Law Ministry) and shows an override's written reason on the case", async () => {
    const weights = (await call(solicitor, { method: "GET", url: "/api/v1/assignment/weights" })).json()
      .items;
    const wp = weights.find((w: { kind: string; key: string }) => w.kind === "case_type" && w.key === "WP");
    const edited = await call(solicitor, {
      method: "PATCH",
      url: `/api/v1/assignment/weights/${wp.id}`,
      body: { version: wp.version, weight: wp.weight },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(wp.version + 1);

    const office = await makeOffice(2);
    const { ids } = await registerCases(1);
    const p = (
      await call(office.assigner, { method: "POST", url: `/api/v1/cases/${ids[0]}/suggestion`, body: {} })
    ).json();
    expect(p.items[0].decision.omitted).toBeUndefined();
    const other = office.officers.find((o) => o.id !== p.items[0].decision.chosenOfficerId)!;
    const reason = "Ministry requested this counsel by letter of 3 November";
    await call(office.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${p.batchId}/commit`,
      body: { overrides: [{ caseId: ids[0], officerId: other.id, reason }] },
    });
    const detail = (await call(solicitor, { method: "GET", url: `/api/v1/cases/${ids[0]}` })).json();
    expect(detail.assignments[0]).toMatchObject({ reason, method: "override" });
  });

  it("another office's batch and officers answer 404, like unknown ones", async () => {
    const office = await makeOffice(1);
    const { ids } = await registerCases(1);
    const p = (
      await call(office.assigner, { method: "POST", url: `/api/v1/cases/${ids[0]}/suggestion`, body: {} })
    ).json();
    const stranger = await makeOffice(1);
    const commit = await call(stranger.assigner, {
      method: "POST",
      url: `/api/v1/assignment/batches/${p.batchId}/commit`,
      body: {},
    });
    expect(commit.statusCode).toBe(404);
    const handover = await call(stranger.assigner, {
      method: "POST",
      url: `/api/v1/assignment/officers/${office.officers[0]!.id}/handover`,
      body: {},
    });
    expect(handover.statusCode).toBe(404);
  });
});
