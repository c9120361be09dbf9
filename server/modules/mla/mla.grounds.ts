import { REFUSAL_GROUND_CODES } from "../../../common/mla/grounds.ts";
import { RULE_CODES } from "../../../common/mla/rules.ts";
import type { MlaMove } from "../../../common/mla/states.ts";
import { problems } from "../../platform/errors.ts";

/**
 * The grounds a move records (metrics: deficiency and refusal rates by ground): a return names drafting rules by
 * code, a refusal names refusal grounds; a move of neither kind takes none. Unknown codes are refused, so the
 * figures only ever count grounds the register knows.
 */
export function checkGrounds(move: MlaMove, grounds: readonly string[]): void {
  if (!grounds.length) return;
  if (!move.grounds) {
    throw problems.validation([{ path: "body.grounds", message: `a move to ${move.to} records no grounds` }]);
  }
  const known: readonly string[] = move.grounds === "deficiency" ? RULE_CODES : REFUSAL_GROUND_CODES;
  const unknown = grounds.filter((g) => !known.includes(g));
  if (unknown.length) {
    throw problems.validation([
      {
        path: "body.grounds",
        message: `not a ${move.grounds === "deficiency" ? "drafting rule" : "refusal ground"}: ${unknown.join(", ")}`,
      },
    ]);
  }
}
