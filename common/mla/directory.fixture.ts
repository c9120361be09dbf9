import type { MlaDirectory } from "./directory.ts";

/**
 * A tiny directory for tests, with only what DOMAIN.md §9 says (and its markers). Whatever DOMAIN.md does not
 * say is left out — e.g. which conventions the US shares with Pakistan, or which entity serves TikTok's US users —
 * so the checker must treat it as "not recorded". Not reference data: the real directory is issue 5 item 5.
 */
const D9 = "DOMAIN.md §9";

export const directoryFixture: MlaDirectory = {
  instruments: [
    {
      code: "budapest",
      name: "Budapest Convention",
      aliases: ["Convention on Cybercrime"],
      kind: "convention",
      pakistanParty: {
        value: false,
        source: `${D9}: Pakistan is not party to the Budapest Convention`,
        status: "S",
      },
    },
    {
      code: "tf_convention",
      name: "Terrorist Financing Convention",
      kind: "convention",
      pakistanParty: {
        value: true,
        source: `${D9}: requests rest on conventions (Terrorist Financing Convention…)`,
        status: "S",
      },
      noBankSecrecyRefusal: { value: true, source: "Terrorist Financing Convention Art. 12(2)", status: "S" },
    },
    {
      code: "untoc",
      name: "UNTOC",
      kind: "convention",
      pakistanParty: { value: true, source: `${D9}: requests rest on conventions (…UNTOC…)`, status: "S" },
    },
    {
      code: "uncac",
      name: "UNCAC",
      kind: "convention",
      pakistanParty: { value: true, source: `${D9}: requests rest on conventions (…UNCAC)`, status: "S" },
    },
  ],
  states: [
    // Pakistan is in none of the areas the entities below name (the EEA), so its users' entity can be decided.
    { code: "PK", name: "Pakistan", memberOf: [] },
    {
      code: "US",
      name: "United States",
      mlaTreatyWithPakistan: {
        value: false,
        source: `${D9}: Pakistan has no MLA treaty with the US`,
        status: "S",
      },
      contentNeedsFormalMla: { value: true, source: "18 USC 2703(a),(b)", status: "U" },
      voluntaryNonContent: { value: true, source: "18 USC 2702; provider guidelines", status: "U" },
    },
    {
      code: "GB",
      name: "United Kingdom",
      languages: { value: ["en"], source: `${D9}, drafting rule 10 (English for the UK)`, status: "U" },
    },
    { code: "SG", name: "Singapore" },
  ],
  providers: [
    {
      code: "tiktok",
      name: "TikTok",
      entities: [
        {
          name: "TikTok Pte. Ltd",
          state: "SG",
          usersOutside: ["US", "GB", "EEA", "CH"],
          source: `${D9}, drafting rule 12`,
          status: "S",
        },
      ],
    },
    { code: "meta", name: "Meta", portal: "Meta records portal" },
  ],
};
