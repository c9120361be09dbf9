import { moduleBody } from "../../../../../common/schemas/training.ts";
import type { FieldErrors } from "../../../app/forms.tsx";
import type { ModuleEditable, ModuleInput } from "./api.ts";

/**
 * The module editor's working copy: what the administrator types, before it is sent. Pages and questions carry
 * a local key (for React) and, once saved, the server's id; numbers are kept as typed until sent.
 */
export type PageDraft = { key: string; id?: string; title: string; body: string };
export type QuestionDraft = {
  key: string;
  id?: string;
  prompt: string;
  options: string[];
  correct: number[];
  explanation: string;
};
export type ModuleDraft = {
  code: string;
  title: string;
  description: string;
  language: ModuleInput["language"];
  durationMinutes: string;
  topic: ModuleInput["topic"];
  competenceCode: string;
  passMark: string;
  published: boolean;
  pages: PageDraft[];
  questions: QuestionDraft[];
};

let counter = 0;
export const newKey = () => `k${++counter}`;

export const emptyPage = (): PageDraft => ({ key: newKey(), title: "", body: "" });
export const emptyQuestion = (): QuestionDraft => ({
  key: newKey(),
  prompt: "",
  options: ["", ""],
  correct: [],
  explanation: "",
});

export function toDraft(m: ModuleEditable | undefined): ModuleDraft {
  if (!m)
    return {
      code: "",
      title: "",
      description: "",
      language: "en",
      durationMinutes: "30",
      topic: "cams",
      competenceCode: "",
      passMark: "80",
      published: false,
      pages: [emptyPage()],
      questions: [emptyQuestion()],
    };
  return {
    code: m.code,
    title: m.title,
    description: m.description,
    language: m.language,
    durationMinutes: String(m.durationMinutes),
    topic: m.topic,
    competenceCode: m.competenceCode ?? "",
    passMark: String(m.passMark),
    published: m.published,
    pages: m.pages.map((p) => ({ key: newKey(), id: p.id, title: p.title, body: p.body })),
    questions: m.questions.map((q) => ({
      key: newKey(),
      id: q.id,
      prompt: q.prompt,
      options: [...q.options],
      correct: [...q.correct],
      explanation: q.explanation,
    })),
  };
}

export function toBody(d: ModuleDraft): ModuleInput {
  return {
    code: d.code.trim(),
    title: d.title.trim(),
    description: d.description.trim(),
    language: d.language,
    durationMinutes: Number(d.durationMinutes),
    topic: d.topic,
    competenceCode: d.competenceCode || null,
    passMark: Number(d.passMark),
    published: d.published,
    // saved pages and questions keep their ids, so their attachments, read marks and answers follow them
    pages: d.pages.map((p) => ({ ...(p.id ? { id: p.id } : {}), title: p.title.trim(), body: p.body })),
    questions: d.questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      prompt: q.prompt.trim(),
      options: q.options.map((o) => o.trim()),
      correct: [...q.correct].sort((a, b) => a - b),
      explanation: q.explanation.trim(),
    })),
  };
}

/**
 * Checks the module in the browser with the server's own schema; the errors are keyed by the same dotted paths
 * the server's problem uses (`pages.0.title`), each as a message in the user's language.
 */
export function checkDraft(body: ModuleInput, t: (key: string) => string): FieldErrors {
  const parsed = moduleBody.safeParse(body);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".");
    if (key in errors) continue;
    errors[key] =
      issue.code === "too_small" && issue.origin === "string"
        ? t("validation.required")
        : issue.code === "too_small" && key.endsWith("correct")
          ? t("trainingAdmin.editor.tickOne")
          : issue.code === "invalid_format" && key === "code"
            ? t("trainingAdmin.editor.codeHelp")
            : t("trainingAdmin.editor.invalid");
  }
  return errors;
}

/** The field errors the editor shows beside a field (the rest are listed in the problem alert). */
const SHOWN =
  /^(code|title|description|language|durationMinutes|topic|competenceCode|passMark|published|pages|questions)$|^pages\.\d+\.(title|body)$|^questions\.\d+\.(prompt|options|options\.\d+|correct|explanation)$/;
export const shownField = (key: string) => SHOWN.test(key);

/** Moves item `i` of a list by `by` places (−1 up, +1 down). */
export function move<T>(list: T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}
