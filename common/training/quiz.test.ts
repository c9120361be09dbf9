import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCertificateCode, normaliseCertificateCode } from "./certificate-code.ts";
import { scoreQuiz } from "./quiz.ts";

const Q = [
  { id: "a", correct: [1] },
  { id: "b", correct: [0, 2] },
  { id: "c", correct: [3] },
  { id: "d", correct: [0] },
  { id: "e", correct: [2] },
];
const right = Q.map((q) => ({ questionId: q.id, chosen: q.correct }));

describe("quiz scoring", () => {
  it("counts a question right only when exactly its right options are chosen", () => {
    const r = scoreQuiz(Q, right, 80);
    expect(r).toMatchObject({ score: 5, total: 5, percent: 100, passed: true });
    // a "choose all that apply" question: one of two right options, or all options, scores nothing
    const partial = scoreQuiz(Q, [{ questionId: "b", chosen: [0] }], 80);
    expect(partial.right.get("b")).toBe(false);
    expect(scoreQuiz(Q, [{ questionId: "b", chosen: [0, 1, 2, 3] }], 80).right.get("b")).toBe(false);
    // order of the chosen options does not matter
    expect(scoreQuiz(Q, [{ questionId: "b", chosen: [2, 0] }], 80).right.get("b")).toBe(true);
  });

  it("scores unanswered questions as wrong and passes at exactly the pass mark", () => {
    const four = right.slice(0, 4);
    expect(scoreQuiz(Q, four, 80)).toMatchObject({ score: 4, percent: 80, passed: true });
    expect(scoreQuiz(Q, four, 81)).toMatchObject({ score: 4, percent: 80, passed: false });
    expect(scoreQuiz(Q, [], 1)).toMatchObject({ score: 0, percent: 0, passed: false });
    expect(
      scoreQuiz(
        [
          { id: "x", correct: [0] },
          { id: "y", correct: [0] },
          { id: "z", correct: [0] },
        ],
        [{ questionId: "x", chosen: [0] }],
        30,
      ).percent,
    ).toBe(33.3);
  });

  it("never gives more marks for answering more (a property over random answers)", () => {
    const answers = fc.array(
      fc.record({
        questionId: fc.constantFrom("a", "b", "c", "d", "e"),
        chosen: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(answers, (given) => {
        const once = [...new Map(given.map((a) => [a.questionId, a])).values()];
        const r = scoreQuiz(Q, once, 80);
        const expected = once.filter((a) => {
          const q = Q.find((x) => x.id === a.questionId)!;
          return a.chosen.length === q.correct.length && q.correct.every((i) => a.chosen.includes(i));
        }).length;
        expect(r.score).toBe(expected);
        expect(r.passed).toBe(r.percent >= 80);
      }),
    );
  });
});

describe("certificate codes", () => {
  const bytes = (n: number) => Uint8Array.from({ length: 15 }, (_, i) => (n * 7 + i * 13) % 256);

  it("reads a code as people type it: case, hyphens, spaces, I/L for 1 and O for 0", () => {
    const code = makeCertificateCode(bytes(1));
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}[0-9A-Z*~$=]$/);
    expect(normaliseCertificateCode(code)).toBe(code);
    expect(normaliseCertificateCode(` ${code.toLowerCase().replace(/-/g, " ")} `)).toBe(code);
    const withO = makeCertificateCode(new Uint8Array(15));
    expect(normaliseCertificateCode(withO.replace(/0/g, "O"))).toBe(withO);
  });

  it("refuses every code with one symbol changed, and any wrong length", () => {
    const symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 15, maxLength: 15 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 31 }),
        (random, at, shift) => {
          const plain = makeCertificateCode(random).replace(/-/g, "");
          const changed = symbols[(symbols.indexOf(plain[at]!) + shift) % 32]!;
          const forged = plain.slice(0, at) + changed + plain.slice(at + 1);
          expect(normaliseCertificateCode(forged)).toBeNull();
        },
      ),
    );
    expect(normaliseCertificateCode("ABC")).toBeNull();
    expect(normaliseCertificateCode("")).toBeNull();
    expect(normaliseCertificateCode(`${makeCertificateCode(bytes(2))}0`)).toBeNull();
    expect(normaliseCertificateCode("UUUU-UUUU-UUUU-UUUU")).toBeNull();
  });
});
