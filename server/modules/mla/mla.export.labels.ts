import type { MlaRequestKind } from "../../../common/mla/request.ts";

/** The English words of the exported request (it goes to a foreign authority, so it is not translated here). */
export const KIND_TITLE: Record<MlaRequestKind, string> = {
  mla_outgoing: "Request for mutual legal assistance in a criminal matter",
  mla_incoming: "Incoming request for mutual legal assistance (register copy)",
  preservation: "Request for the expedited preservation of stored computer data",
  emergency_disclosure: "Emergency disclosure request",
  voluntary_disclosure: "Request for voluntary disclosure of non-content data",
};
export const IDENTIFIER: Record<string, string> = {
  numeric_id: "Numeric account ID",
  username: "Username",
  url: "URL",
  email: "Email address",
  phone: "Telephone number",
  ip: "IP address",
};
export const CATEGORY: Record<string, string> = {
  subscriber: "Subscriber information",
  traffic: "Traffic data",
  content: "Content",
};
export const BASIS: Record<string, string> = {
  treaty: "Treaty",
  convention: "Convention",
  reciprocity: "Reciprocity (Mutual Legal Assistance (Criminal Matters) Act 2020, s.3)",
};
export const REFERENCE_KIND: Record<string, string> = {
  preservation: "Preservation request",
  mla: "MLA request",
  voluntary_disclosure: "Voluntary disclosure request",
  emergency_disclosure: "Emergency disclosure request",
  provider_ticket: "Provider's reference",
  foreign_authority: "Foreign authority's reference",
};
export const TRANSLATION: Record<string, string> = {
  not_needed: "Not needed",
  needed: "Needed — not yet started",
  in_progress: "In progress",
  translated: "Translated",
  certified: "Translated and certified",
};
export const RISK: Record<string, string> = {
  death: "Risk of death",
  serious_injury: "Risk of serious physical injury",
  other: "Other risk",
};
/** ISO 639-1 codes the directory uses; anything else prints as its code. */
export const LANGUAGE: Record<string, string> = {
  en: "English",
  ur: "Urdu",
  ar: "Arabic",
  fr: "French",
  ga: "Irish",
  nl: "Dutch",
  de: "German",
  zh: "Chinese",
  ms: "Malay",
};
export const language = (code: string) => (LANGUAGE[code] ? `${LANGUAGE[code]} (${code})` : code);
