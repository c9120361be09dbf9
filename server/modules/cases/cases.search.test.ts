import { describe, expect, it } from "vitest";
import { caseListQuery } from "../../../common/schemas/cases.ts";
import { activeActor } from "../../platform/actor.load.ts";
import { caseBody, makeOrganisation, makeUser, randomLetters, signedIn } from "../../test/factories.ts";
import { call, testApp } from "../../test/harness.ts";
import { listCases } from "./cases.search.ts";
import { SEARCH_LIMITS, type SearchLimits } from "./cases.text.ts";

/** A ministry with cases made over HTTP, and its focal person as the actor of direct list calls. */
async function ministryWith(titles: { title: string; party: string }[]) {
  const focal = await signedIn(["focal_person"]);
  const ids: string[] = [];
  for (const { title, party } of titles) {
    const body = await caseBody({
      title,
      parties: [
        { side: "petitioner", name: party },
        { side: "respondent", name: "Federation of Pakistan" },
      ],
    });
    const res = await call(focal, { method: "POST", url: "/api/v1/cases", body });
    expect(res.statusCode).toBe(201);
    ids.push(res.json().id);
  }
  return { focal, ids, actor: await actorOf(focal) };
}

async function actorOf(s: { userId: string }) {
  const actor = await activeActor((await testApp()).handle.db, s.userId, "test");
  if (!actor) throw new Error("the test user is not active");
  return actor;
}

const token = (prefix: string) => `${prefix}${randomLetters()}`;
/** The word with one letter changed, `fromEnd` letters from its end. */
const misspell = (word: string, fromEnd = 1) => {
  const i = word.length - fromEnd;
  return `${word.slice(0, i)}${word[i] === "q" ? "z" : "q"}${word.slice(i + 1)}`;
};

async function list(
  actor: Awaited<ReturnType<typeof actorOf>>,
  query: object,
  limits?: Partial<SearchLimits>,
) {
  const { handle } = await testApp();
  return listCases(handle.db, actor, caseListQuery.parse(query), { ...SEARCH_LIMITS, ...limits });
}

describe("case search at scale", () => {
  it("ranks a word search's matches with title matches first, and counts them exactly under the cap", async () => {
    const name = token("Qadeer");
    const { ids, actor } = await ministryWith([
      { title: "Federation v. Pakistan Steel Mills", party: `${name} Baloch` },
      { title: `${name} Baloch v. Federation of Pakistan`, party: `${name} Baloch` },
      { title: "Collector of Customs v. Federation", party: `${name} Baloch` },
    ]);
    const found = await list(actor, { q: `${name} Baloch` });
    expect(found.total).toBe(3);
    expect(found.totalCapped).toBe(false);
    expect(found.items[0]?.id).toBe(ids[1]);
    expect(new Set(found.items.map((i) => i.id))).toEqual(new Set(ids));
  });

  it("ranks no more than its cap of matches, and says more match than it shows", async () => {
    const name = token("Shahzeb");
    const { actor } = await ministryWith(
      [1, 2, 3, 4].map((n) => ({ title: `Case ${n} of ${name}`, party: name })),
    );
    const capped = await list(actor, { q: name }, { searchCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.items).toHaveLength(3);
    const uncapped = await list(actor, { q: name }, { searchCap: 4 });
    expect(uncapped).toMatchObject({ total: 4, totalCapped: false });
  });

  it("stops a plain list's count at its cap but still serves the page", async () => {
    const { actor, focal } = await ministryWith(
      [1, 2, 3].map((n) => ({ title: `Plain ${n}`, party: token("Party") })),
    );
    const query = { organisationId: focal.organisationId, pageSize: 2 };
    const capped = await list(actor, query, { countCap: 2 });
    expect(capped).toMatchObject({ total: 2, totalCapped: true });
    expect(capped.items).toHaveLength(2);
    expect(await list(actor, query)).toMatchObject({ total: 3, totalCapped: false });
  });

  it("widens misspelt words to the spellings cases hold, only while the words as typed find few", async () => {
    const name = token("Zarghoon");
    const misspelt = misspell(name);
    const { ids, actor } = await ministryWith([
      { title: "Federation v. Respondents", party: `${name} Achakzai` },
      { title: "Federation v. Respondents", party: `${misspelt} Achakzai` },
    ]);
    // Typed exactly, the name's own case comes first and its near spelling follows while matches are few…
    const few = await list(actor, { q: `${name} Achakzai` });
    expect(few.items.map((i) => i.id)).toEqual([ids[0], ids[1]]);
    // …but not once the words as typed find enough.
    const enough = await list(actor, { q: `${name} Achakzai` }, { fuzzyBelow: 1 });
    expect(enough.items.map((i) => i.id)).toEqual([ids[0]]);
    // Both words misspelt: each is widened to what the cases hold.
    const both = await list(actor, { q: `${misspell(name, 3)} Achakzay` });
    expect(new Set(both.items.map((i) => i.id))).toEqual(new Set(ids));
    // Up to eight words are widened; a longer text is searched as typed (each word costs a lookup).
    const eight = `${misspell(name, 3)} Achakzai seniority promotion civil servant federation respondents`;
    expect((await list(actor, { q: eight })).items.map((i) => i.id)).toContain(ids[0]);
    expect(await list(actor, { q: `${eight} pakistan` })).toMatchObject({ total: 0 });
  });

  it("finds a ministry's confidential case for the users named on it only", async () => {
    const name = token("Sardar");
    const registrar = await signedIn(["focal_person"]);
    const body = await caseBody({
      title: `${name} v. Federation`,
      flags: { confidential: true },
      parties: [
        { side: "petitioner", name },
        { side: "respondent", name: "Federation of Pakistan" },
      ],
    });
    const created = (await call(registrar, { method: "POST", url: "/api/v1/cases", body })).json();
    const colleague = await signedIn(["focal_person"], registrar.organisationId);
    expect((await list(await actorOf(registrar), { q: name })).items.map((i) => i.id)).toEqual([created.id]);
    expect(await list(await actorOf(colleague), { q: name })).toMatchObject({ total: 0 });
  });

  it("finds nothing for text without a word to find, and widens no query that has operators", async () => {
    const name = token("Nawab");
    const { ids, actor } = await ministryWith([
      { title: "Federation v. Respondents", party: `${name} Durrani` },
      { title: "Federation v. Respondents", party: `${misspell(name)} Durrani` },
    ]);
    for (const q of ["!!!", "-", "()", "…", `-${name}`, `-${name} or -Durrani`])
      expect(await list(actor, { q }), q).toMatchObject({ total: 0, items: [] });
    // an exclusion is kept as typed: widening rebuilds the query from its words and would lose the minus
    const excluded = await list(actor, { q: `Durrani -${name}` });
    expect(excluded.items.map((i) => i.id)).toEqual([ids[1]]);
    const either = await list(actor, { q: `${name} or ${misspell(name)}` });
    expect(new Set(either.items.map((i) => i.id))).toEqual(new Set(ids));
  });

  it("never finds another ministry's cases, whatever the text", async () => {
    const name = token("Gulzar");
    await ministryWith([{ title: `${name} v. Federation`, party: name }]);
    const other = await makeOrganisation();
    const stranger = await makeUser(other.id, ["focal_person"]);
    const actor = await actorOf({ userId: stranger.id });
    expect(await list(actor, { q: name })).toMatchObject({ total: 0, items: [] });
    expect(await list(actor, { q: misspell(name) })).toMatchObject({ total: 0, items: [] });
  });
});
