import { describe, expect, it } from "vitest";
import { suggestPractice } from "../../server/history/practice.js";
import type { PackCatalog, PackRecord } from "../../server/scenarios/index.js";
import { miniPack } from "../helpers/packs.js";

/** A catalog of real records: the built-in mini pack, and a team's public copy of it with one more question. */
function catalog(withBuiltIn: boolean): PackCatalog {
  const mini = miniPack();
  const teamPack = { ...mini, id: "mini-plus", questions: [...mini.questions, { ...mini.questions[0]!, id: "extra" }] };
  const records: PackRecord[] = [
    ...(withBuiltIn ? [{ key: "mini", version: 1, teamId: null, visibility: "public" as const, pack: mini }] : []),
    { key: "acme/mini-plus", version: 1, teamId: "acme", visibility: "public", pack: teamPack },
  ];
  return { get: async () => undefined, latest: async () => undefined, listPublic: async () => records };
}
const criteria = [
  { kind: "system-design" as const, criterionId: "numbers" },
  { kind: "behavioural" as const, criterionId: "star" },
];

describe("practise next", () => {
  it("suggests the server's own packs, never a team's public pack (that team would see the session)", async () => {
    expect((await suggestPractice(catalog(true), { criteria })).packId).toBe("mini");
    expect(await suggestPractice(catalog(false), { criteria })).toEqual({ packId: null, questions: [] });
  });

  it("matches a criterion id only in the pack it was scored in; elsewhere by title, else none", async () => {
    const cost = { kind: "system-design" as const, criterionId: "numbers" };
    // A team pack's "numbers" criterion titled otherwise is no reason to send the candidate to the built-in question.
    expect(
      await suggestPractice(catalog(true), { criteria: [{ ...cost, packId: "acme/cost-pack", title: "Cost of the design" }] }),
    ).toEqual({
      packId: null,
      questions: [],
    });
    // Same pack: matched by id, whatever the title says.
    const same = await suggestPractice(catalog(true), { criteria: [{ ...cost, packId: "mini", title: "Renamed since" }] });
    expect(same.questions.map((q) => q.targets)).toEqual([["Quantitative reasoning"]]);
    // Another pack, same title (any case): the fallback.
    const byTitle = await suggestPractice(catalog(true), {
      criteria: [{ kind: "system-design", criterionId: "cost", packId: "acme/cost-pack", title: "quantitative reasoning" }],
    });
    expect(byTitle.packId).toBe("mini");
    expect(byTitle.questions.map((q) => q.targets)).toEqual([["Quantitative reasoning"]]);
  });
});
