import { MultiSelect, NativeSelect, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DialogIntro, FormDialog, useDialogSave, useFields } from "../../../app/FormDialog.tsx";
import {
  CONTACT_KINDS,
  type DirectoryEntry,
  type DirectoryKind,
  MLA_REQUEST_KINDS,
  useSaveEntry,
} from "./api.ts";

/**
 * Adds or edits one directory entry. The fields every entry has (name, source, status) and a contact's or a
 * provider's plain fields are form fields; the nested facts (entities, treaties, languages — each with its own
 * source and status) are edited as JSON under "other facts", which the server checks field by field (400 names
 * the path) and against the other entries (422).
 */
const TEXT_FIELDS: Record<DirectoryKind, string[]> = {
  instrument: ["name"],
  state: ["name"],
  provider: ["name", "portal", "portalName", "state"],
  contact: ["name", "state", "provider", "channel", "note"],
};
const FORM_KEYS = new Set(["code", "source", "status", "kind", "requestKinds"]);

type Values = {
  code: string;
  source: string;
  status: string;
  kind: string;
  requestKinds: string[];
  other: string;
  text: Record<string, string>;
};

function initial(kind: DirectoryKind, entry: DirectoryEntry | null, contactKind?: string): Values {
  const data = (entry?.data ?? {}) as Record<string, unknown>;
  const own = new Set([...FORM_KEYS, ...TEXT_FIELDS[kind]]);
  const other = Object.fromEntries(Object.entries(data).filter(([k]) => !own.has(k)));
  return {
    code: entry?.code ?? "",
    source: String(data.source ?? ""),
    status: String(data.status ?? "U"),
    kind: String(data.kind ?? (kind === "contact" ? (contactKind ?? "central_authority") : "convention")),
    requestKinds: (data.requestKinds as string[] | undefined) ?? [],
    other: Object.keys(other).length ? JSON.stringify(other, null, 2) : "",
    text: Object.fromEntries(TEXT_FIELDS[kind].map((f) => [f, String(data[f] ?? "")])),
  };
}

export function EntryDialog({
  kind,
  entry,
  contactKind,
  onClose,
}: {
  kind: DirectoryKind;
  /** null: a new entry. */
  entry: DirectoryEntry | null;
  contactKind?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useSaveEntry();
  const dialog = useDialogSave(mutation, {
    onClose,
    saved: (saved) => t("mlaDirectory.saved", { code: saved.code, version: saved.version }),
  });
  const [f, set] = useFields(initial(kind, entry, contactKind));
  const err = (key: string) => dialog.fieldErrors[`data.${key}`] ?? dialog.fieldErrors[key];

  function submit() {
    const errors: Record<string, string> = {};
    if (!entry && !/^[A-Za-z0-9_-]{1,64}$/.test(f.code)) errors.code = t("mlaDirectory.codeHelp");
    if (!f.source.trim()) errors["data.source"] = t("validation.required");
    if (!f.text.name?.trim()) errors["data.name"] = t("validation.required");
    let other: Record<string, unknown> = {};
    try {
      other = f.other.trim() ? (JSON.parse(f.other) as Record<string, unknown>) : {};
      if (typeof other !== "object" || other === null || Array.isArray(other))
        throw new Error("not an object");
    } catch {
      errors.other = t("mlaDirectory.badJson");
    }
    if (!dialog.check(errors)) return;
    const text = Object.fromEntries(
      Object.entries(f.text)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v !== ""),
    );
    const data = {
      ...other,
      ...text,
      ...(kind === "instrument" || kind === "contact" ? { kind: f.kind } : {}),
      ...(kind === "contact" ? { requestKinds: f.requestKinds } : {}),
      source: f.source.trim(),
      status: f.status,
    };
    dialog.save({ kind, code: entry?.code ?? f.code.trim(), version: entry?.version, data });
  }

  const kindOptions =
    kind === "contact"
      ? CONTACT_KINDS.map((k) => ({ value: k, label: t(`mlaDirectory.contactKind.${k}`) }))
      : ["treaty", "convention"].map((k) => ({ value: k, label: t(`mlaDirectory.instrumentKind.${k}`) }));

  return (
    <FormDialog
      dialog={dialog}
      title={entry ? t("mlaDirectory.editEntry") : t("mlaDirectory.addEntry")}
      testId="directory-entry"
      onSubmit={submit}
      intro={
        entry && (
          <DialogIntro code={`${entry.code} · v${entry.version}`}>
            <bdi>{String(entry.data.name ?? "")}</bdi>
          </DialogIntro>
        )
      }
    >
      {!entry && (
        <TextInput
          label={t("mlaDirectory.code")}
          description={t("mlaDirectory.codeHelp")}
          required
          value={f.code}
          onChange={(e) => set("code", e.currentTarget.value)}
          error={err("code")}
          classNames={{ input: "ltr" }}
          data-testid="entry-code"
        />
      )}
      {(kind === "contact" || kind === "instrument") && (
        <NativeSelect
          label={t("mlaDirectory.kind")}
          data={kindOptions}
          value={f.kind}
          onChange={(e) => set("kind", e.currentTarget.value)}
          error={err("kind")}
          data-testid="entry-kind"
        />
      )}
      {TEXT_FIELDS[kind].map((field) => (
        <TextInput
          key={field}
          label={t(`mlaDirectory.field.${field}`)}
          required={field === "name"}
          value={f.text[field] ?? ""}
          onChange={(e) => set("text", { ...f.text, [field]: e.currentTarget.value })}
          error={err(field)}
          data-testid={`entry-${field}`}
        />
      ))}
      {kind === "contact" && (
        <MultiSelect
          label={t("mlaDirectory.requestKinds")}
          data={MLA_REQUEST_KINDS.map((k) => ({ value: k, label: t(`mla.kinds.${k}`, { defaultValue: k }) }))}
          value={f.requestKinds}
          onChange={(v) => set("requestKinds", v)}
          error={err("requestKinds")}
          data-testid="entry-request-kinds"
        />
      )}
      <Textarea
        label={t("mlaDirectory.source")}
        required
        autosize
        minRows={2}
        value={f.source}
        onChange={(e) => set("source", e.currentTarget.value)}
        error={err("source")}
        data-testid="entry-source"
      />
      <NativeSelect
        label={t("mlaDirectory.status")}
        data={["V", "S", "U"].map((s) => ({ value: s, label: t(`referenceStatus.${s}`) }))}
        value={f.status}
        onChange={(e) => set("status", e.currentTarget.value)}
        error={err("status")}
        data-testid="entry-status"
      />
      {kind !== "contact" && (
        <Textarea
          label={t("mlaDirectory.otherFacts")}
          description={t("mlaDirectory.otherFactsHelp")}
          autosize
          minRows={4}
          maxRows={16}
          value={f.other}
          onChange={(e) => set("other", e.currentTarget.value)}
          error={err("other")}
          classNames={{ input: "ltr" }}
          styles={{ input: { fontFamily: "monospace", fontSize: 12 } }}
          data-testid="entry-other"
        />
      )}
    </FormDialog>
  );
}
