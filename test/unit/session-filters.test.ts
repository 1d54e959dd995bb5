import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_FILTERS, filtersToQuery, toggleSelected, withSortKey } from "../../client/src/team/session-filters.js";
import { TeamSessionsQuerySchema } from "../../server/contracts/index.js";

describe("the team dashboard's filters", () => {
  it("send only the filters set, newest first by default, and always a query the server accepts", () => {
    expect(filtersToQuery(DEFAULT_SESSION_FILTERS)).toEqual({ sort: "started", order: "desc" });
    const query = filtersToQuery({ status: "complete", pack: "acme/support", q: "  Ada ", sort: "score", order: "asc" });
    expect(query).toEqual({ status: "complete", pack: "acme/support", q: "Ada", sort: "score", order: "asc" });
    expect(TeamSessionsQuerySchema.safeParse(query).success).toBe(true);
    // A candidate filter of only spaces is no filter.
    expect(filtersToQuery({ ...DEFAULT_SESSION_FILTERS, q: "   " })).not.toHaveProperty("q");
  });

  it("read the sort menu's field:order values and ignore anything else", () => {
    expect(withSortKey(DEFAULT_SESSION_FILTERS, "pastes:desc")).toMatchObject({ sort: "pastes", order: "desc" });
    expect(withSortKey(DEFAULT_SESSION_FILTERS, "candidate:asc")).toMatchObject({ sort: "candidate", order: "asc" });
    for (const bad of ["", "score", "score:sideways", "price:asc", ":desc"])
      expect(withSortKey(DEFAULT_SESSION_FILTERS, bad), bad).toBe(DEFAULT_SESSION_FILTERS);
  });

  it("tick and untick sessions for comparing in the order they were picked", () => {
    let selected = toggleSelected([], "b");
    selected = toggleSelected(selected, "a");
    expect(selected).toEqual(["b", "a"]);
    expect(toggleSelected(selected, "b")).toEqual(["a"]);
    expect(selected).toEqual(["b", "a"]);
  });
});
