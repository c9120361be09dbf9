/**
 * Quiz scoring (issue 9). A question is right only when the options chosen are exactly its right options — no
 * part marks, so guessing every option of a "choose all that apply" question scores nothing. An unanswered
 * question is wrong. The percentage is rounded to one decimal; passing means reaching the pass mark.
 */
export type ScoredQuestion = { id: string; correct: readonly number[] };
export type Answer = { questionId: string; chosen: readonly number[] };
export type QuizScore = {
  score: number;
  total: number;
  percent: number;
  passed: boolean;
  right: ReadonlyMap<string, boolean>;
};

const sameSet = (a: readonly number[], b: readonly number[]) => {
  const set = new Set(a);
  return set.size === a.length && a.length === b.length && b.every((i) => set.has(i));
};

export function scoreQuiz(
  questions: readonly ScoredQuestion[],
  answers: readonly Answer[],
  passMark: number,
): QuizScore {
  const chosen = new Map(answers.map((a) => [a.questionId, a.chosen]));
  const right = new Map<string, boolean>();
  for (const q of questions) right.set(q.id, sameSet(chosen.get(q.id) ?? [], q.correct));
  const score = [...right.values()].filter(Boolean).length;
  const total = questions.length;
  const percent = total === 0 ? 0 : Math.round((score / total) * 1000) / 10;
  return { score, total, percent, passed: total > 0 && percent >= passMark, right };
}
