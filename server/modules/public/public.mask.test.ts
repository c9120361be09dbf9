import { describe, expect, it } from "vitest";
import { initials, maskTitle } from "./public.mask.ts";

describe("masking", () => {
  it("turns private names into initials and leaves government parties", () => {
    expect(initials("Muhammad Ali Khan")).toBe("M. A. K.");
    expect(initials("شاہد محمود")).toBe("ش. م.");
    const parties = [
      { name: "Muhammad Ather, son of Ahmad, resident of Rawalpindi", organisationId: null },
      { name: "Ministry of Defence through its Secretary", organisationId: "org" },
    ];
    expect(maskTitle("Muhammad Ather v. Ministry of Defence and 3 others", parties)).toBe(
      "M. A. v. Ministry of Defence and 3 others",
    );
    expect(maskTitle("M. Ather v. Ministry of Defence", parties)).toBe("M. A. v. Ministry of Defence");
    expect(maskTitle("muhammad ather v. Ministry of Defence", parties)).toBe("M. A. v. Ministry of Defence");
    // a word shared with a government party stays ("Pakistan"), the private name does not
    expect(
      maskTitle("Pakistan Traders v. Federation of Pakistan", [
        { name: "Pakistan Traders", organisationId: null },
        { name: "Federation of Pakistan", organisationId: "org" },
      ]),
    ).toBe("P. T. v. Federation of Pakistan");
    expect(maskTitle("Federation of Pakistan v. Secretary", [])).toBe("Federation of Pakistan v. Secretary");
  });
});
