import { z } from "zod";
import { HOLDERS } from "../mla/holders.ts";
import { MLA_REQUEST_KINDS } from "../mla/request.ts";

/** The Central Authority's MLA figures (issue 5 item 9). Rates are percentages to one decimal. */
const kind = z.enum(MLA_REQUEST_KINDS);
const groundRate = z.object({ ground: z.string(), count: z.number(), rate: z.number() });

export const mlaMetrics = z.object({
  asOf: z.string(),
  pending: z.object({
    /** Upper bounds of the age buckets in days; byAge has one more entry, for older requests. */
    ageBucketsDays: z.array(z.number()),
    rows: z.array(z.object({ kind, state: z.string(), total: z.number(), byAge: z.array(z.number()) })),
  }),
  acknowledgement: z.array(
    z.object({
      kind,
      acknowledged: z.number(),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
      waiting: z.number(),
    }),
  ),
  timeInState: z.object({
    byHolder: z.array(z.object({ holder: z.enum(HOLDERS), totalDays: z.number(), share: z.number() })),
    states: z.array(
      z.object({
        kind,
        state: z.string(),
        holder: z.enum(HOLDERS),
        movedBy: z.string(),
        stays: z.number(),
        totalDays: z.number(),
        medianDays: z.number(),
      }),
    ),
  }),
  rates: z.object({
    deficiency: z.object({
      submitted: z.number(),
      returned: z.number(),
      rate: z.number(),
      byGround: z.array(groundRate),
    }),
    refusal: z.object({
      decided: z.number(),
      refused: z.number(),
      rate: z.number(),
      byGround: z.array(groundRate),
    }),
  }),
  expiredPreservations: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      expiredOn: z.string(),
      mlaReference: z.string().nullable(),
      mlaTransmittedOn: z.string().nullable(),
    }),
  ),
});
export type MlaMetrics = z.infer<typeof mlaMetrics>;
