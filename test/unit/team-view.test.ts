import { describe, expect, it } from "vitest";
import {
  INITIAL_TEAM_VIEW,
  showsPackList,
  tabOf,
  TEAM_TABS,
  teamViewReducer,
  type TeamView,
  type TeamViewAction,
} from "../../client/src/team/team-view.js";

const run = (...actions: TeamViewAction[]) => actions.reduce<TeamView>(teamViewReducer, INITIAL_TEAM_VIEW);

describe("the team workspace's view", () => {
  it("starts on the pack list, and each tab opens its view (Invites for no pack in particular)", () => {
    expect(INITIAL_TEAM_VIEW).toEqual({ kind: "list" });
    for (const [tab] of TEAM_TABS) {
      const view = run({ type: "tab", tab });
      expect(tabOf(view)).toBe(tab);
    }
    expect(run({ type: "invite", packId: "support" }, { type: "tab", tab: "invites" })).toEqual({ kind: "invites", packId: null });
  });

  it("remounts the editor each time a pack is opened from it, and starts the count again from elsewhere", () => {
    const first = run({ type: "open-pack", packId: null });
    expect(first).toEqual({ kind: "editor", packId: null, seq: 0 });
    const again = teamViewReducer(first, { type: "open-pack", packId: "support" });
    expect(again).toEqual({ kind: "editor", packId: "support", seq: 1 });
    expect(teamViewReducer(again, { type: "open-pack", packId: "support" })).toMatchObject({ seq: 2 });
    expect(run({ type: "open-pack", packId: "a" }, { type: "back-to-packs" }, { type: "open-pack", packId: "a" })).toMatchObject({
      seq: 0,
    });
  });

  it("goes from the editor to the invites of the pack just published, and back to the list", () => {
    const view = run({ type: "open-pack", packId: null }, { type: "invite", packId: "support" });
    expect(view).toEqual({ kind: "invites", packId: "support" });
    expect(showsPackList(view)).toBe(true);
    expect(tabOf(view)).toBe("invites");
  });

  it("keeps a session and a comparison under the Sessions tab, and comes back to the list from either", () => {
    const session = run({ type: "tab", tab: "sessions" }, { type: "open-session", sessionId: "s1" });
    expect(session).toEqual({ kind: "session", sessionId: "s1" });
    expect(tabOf(session)).toBe("sessions");
    const compare = run({ type: "tab", tab: "sessions" }, { type: "compare", sessionIds: ["s1", "s2", "s1"] });
    expect(compare).toEqual({ kind: "compare", sessionIds: ["s1", "s2"] });
    expect(tabOf(compare)).toBe("sessions");
    expect(teamViewReducer(compare, { type: "back-to-sessions" })).toEqual({ kind: "sessions" });
    expect(teamViewReducer(session, { type: "back-to-sessions" })).toEqual({ kind: "sessions" });
  });

  it("does not open a comparison of fewer than two different sessions", () => {
    const list = run({ type: "tab", tab: "sessions" });
    expect(teamViewReducer(list, { type: "compare", sessionIds: ["s1"] })).toBe(list);
    expect(teamViewReducer(list, { type: "compare", sessionIds: ["s1", "s1"] })).toBe(list);
  });

  it("puts the editor under Packs, and refetches the pack list only where it is shown", () => {
    expect(tabOf(run({ type: "open-pack", packId: "x" }))).toBe("list");
    expect(showsPackList({ kind: "list" })).toBe(true);
    expect(showsPackList({ kind: "sessions" })).toBe(false);
    expect(showsPackList({ kind: "editor", packId: null, seq: 0 })).toBe(false);
  });
});
