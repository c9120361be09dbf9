import { describe, expect, it } from "vitest";
import { caseBody, makeUser, signedIn } from "../../test/factories.ts";
import { call, type Session } from "../../test/harness.ts";

async function newCase(focal: Session) {
  return (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json() as {
    id: string;
  };
}
const create = (who: Session, body: Record<string, unknown>) =>
  call(who, { method: "POST", url: "/api/v1/tasks", body });
const patch = (who: Session, id: string, body: Record<string, unknown>) =>
  call(who, { method: "PATCH", url: `/api/v1/tasks/${id}`, body });

describe("tasks", () => {
  it("a task for a user or an organisation, listed by priority (contempt first), moved through its states", async () => {
    const focal = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const officer = await makeUser(focal.organisationId, ["focal_person"], { fullName: "Ayesha Khan" });
    const normal = await create(focal, {
      caseId: c.id,
      kind: "file_reply",
      title: "File the reply",
      assigneeUserId: officer.id,
      dueOn: "2026-12-01",
    });
    expect(normal.statusCode).toBe(201);
    expect(normal.json()).toMatchObject({
      kind: "file_reply",
      priority: "normal",
      state: "open",
      assigneeUser: { id: officer.id, fullName: "Ayesha Khan" },
      case: { id: c.id },
      createdBy: { id: focal.userId },
      version: 1,
    });
    const contempt = await create(focal, {
      caseId: c.id,
      kind: "compliance",
      title: "Comply with the order of 3 Nov",
      priority: "contempt",
      assigneeOrganisationId: focal.organisationId,
      dueOn: "2026-12-01",
    });
    expect(contempt.statusCode).toBe(201);
    const listed = (
      await call(focal, { method: "GET", url: `/api/v1/tasks?scope=case&caseId=${c.id}` })
    ).json().items;
    expect(listed.map((t: { priority: string }) => t.priority)).toEqual(["contempt", "normal"]);

    const started = await patch(focal, normal.json().id, { version: 1, state: "in_progress" });
    expect(started.json()).toMatchObject({ state: "in_progress", version: 2 });
    const stale = await patch(focal, normal.json().id, { version: 1, state: "done" });
    expect(stale.statusCode).toBe(409);
    const done = await patch(focal, normal.json().id, { version: 2, state: "done", note: "Filed on 28 Nov" });
    expect(done.json()).toMatchObject({
      state: "done",
      note: "Filed on 28 Nov",
      completedBy: { id: focal.userId },
    });
    expect(
      (
        await call(focal, { method: "GET", url: `/api/v1/tasks?scope=case&caseId=${c.id}&state=closed` })
      ).json().items,
    ).toHaveLength(1);
  });

  it("hides other organisations' tasks and refuses bad input with precise answers", async () => {
    const focal = await signedIn(["focal_person"]);
    const stranger = await signedIn(["focal_person"]);
    const c = await newCase(focal);
    const task = (
      await create(focal, {
        caseId: c.id,
        kind: "other",
        title: "Collect the record",
        assigneeOrganisationId: focal.organisationId,
        dueOn: "2026-12-01",
      })
    ).json();
    expect((await patch(stranger, task.id, { version: 1, state: "done" })).statusCode).toBe(404);
    expect((await call(stranger, { method: "GET", url: "/api/v1/tasks" })).json().items).toEqual([]);
    expect(
      (
        await create(stranger, {
          caseId: c.id,
          kind: "other",
          title: "x",
          assigneeOrganisationId: stranger.organisationId,
          dueOn: "2026-12-01",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await create(stranger, {
          kind: "other",
          title: "x",
          assigneeOrganisationId: stranger.organisationId,
          dueOn: "2026-12-01",
        })
      ).statusCode,
    ).toBe(403);

    const both = await create(focal, {
      caseId: c.id,
      kind: "other",
      title: "x",
      assigneeUserId: focal.userId,
      assigneeOrganisationId: focal.organisationId,
      dueOn: "2026-12-01",
    });
    expect(both.json().errors[0].path).toBe("body.assigneeUserId");
    const unknownUser = await create(focal, {
      caseId: c.id,
      kind: "other",
      title: "x",
      assigneeUserId: "00000000-0000-4000-8000-000000000000",
      dueOn: "2026-12-01",
    });
    expect(unknownUser.statusCode).toBe(400);
    expect(unknownUser.json().errors[0]).toMatchObject({
      path: "body.assigneeUserId",
      message: "is not an active user",
    });
    expect(
      (
        await create(focal, {
          caseId: c.id,
          kind: "lunch",
          title: "x",
          assigneeUserId: focal.userId,
          dueOn: "2026-12-01",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await create(focal, {
          caseId: c.id,
          kind: "other",
          title: "x",
          assigneeUserId: focal.userId,
          dueOn: "2026-02-30",
        })
      ).statusCode,
    ).toBe(400);
    expect((await patch(focal, task.id, { version: 1 })).statusCode).toBe(400);
    expect(
      (await call(focal, { method: "GET", url: "/api/v1/tasks?scope=case" })).json().errors[0].path,
    ).toBe("querystring.caseId");
  });

  it("gives a confidential case's task only to a person named on it, never to the whole ministry", async () => {
    const insider = await signedIn(["focal_person"]);
    const colleague = await signedIn(["focal_person"], insider.organisationId);
    const body = await caseBody({ flags: { confidential: true } });
    const c = (await call(insider, { method: "POST", url: "/api/v1/cases", body })).json();
    const task = {
      caseId: c.id,
      kind: "file_reply",
      title: "Reply to the secret petition",
      dueOn: "2027-01-10",
    };
    const toMinistry = await create(insider, { ...task, assigneeOrganisationId: insider.organisationId });
    expect(toMinistry.statusCode).toBe(400);
    expect(toMinistry.json().errors[0].path).toBe("body.assigneeOrganisationId");
    const toColleague = await create(insider, { ...task, assigneeUserId: colleague.userId });
    expect(toColleague.statusCode).toBe(400);
    expect(toColleague.json().errors[0].path).toBe("body.assigneeUserId");
    const toSelf = await create(insider, { ...task, assigneeUserId: insider.userId });
    expect(toSelf.statusCode).toBe(201);
    // the colleague of the same ministry sees neither the case nor its task
    const seen = (await call(colleague, { method: "GET", url: "/api/v1/tasks" })).json().items;
    expect(seen.map((t: { id: string }) => t.id)).not.toContain(toSelf.json().id);
    expect((await patch(colleague, toSelf.json().id, { version: 1, state: "done" })).statusCode).toBe(404);
  });

  it("takes a case's ministry-wide tasks to the person who makes the case confidential", async () => {
    const focal = await signedIn(["focal_person"]);
    const colleague = await signedIn(["focal_person"], focal.organisationId);
    const c = (await call(focal, { method: "POST", url: "/api/v1/cases", body: await caseBody() })).json();
    const task = await create(focal, {
      caseId: c.id,
      kind: "file_reply",
      title: "Reply before it turns secret",
      dueOn: "2027-01-10",
      assigneeOrganisationId: focal.organisationId,
    });
    expect(task.statusCode).toBe(201);
    const ids = async (who: Session) =>
      (await call(who, { method: "GET", url: "/api/v1/tasks" }))
        .json()
        .items.map((t: { id: string }) => t.id);
    expect(await ids(colleague)).toContain(task.json().id);
    const secret = await call(focal, {
      method: "PATCH",
      url: `/api/v1/cases/${c.id}`,
      body: { version: c.version, flags: { confidential: true } },
    });
    expect(secret.statusCode).toBe(200);
    expect(await ids(colleague)).not.toContain(task.json().id);
    const mine = (await call(focal, { method: "GET", url: "/api/v1/tasks" })).json().items;
    expect(mine.find((t: { id: string }) => t.id === task.json().id)).toMatchObject({ version: 2 });
  });
});
