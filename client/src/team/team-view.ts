import { MIN_COMPARE } from "../../../server/contracts/index.js";

/**
 * Which view of the team workspace shows, as a pure reducer: the tabs, a pack
 * open in the editor, a session, a comparison, the invites (optionally for one
 * pack). Leaving an editor with unpublished changes is asked about before an
 * action is dispatched, not here.
 */

export const TEAM_TABS = [
  ["list", "Packs"],
  ["sessions", "Sessions"],
  ["invites", "Invites"],
  ["tokens", "Tokens"],
] as const;
type TeamTab = (typeof TEAM_TABS)[number][0];

export type TeamView =
  | { kind: "list" }
  /** `seq` grows each time a pack is (re)opened from the editor, so the editor remounts fresh. */
  | { kind: "editor"; packId: string | null; seq: number }
  | { kind: "sessions" }
  | { kind: "session"; sessionId: string }
  | { kind: "compare"; sessionIds: string[] }
  | { kind: "invites"; packId: string | null }
  | { kind: "tokens" };

export type TeamViewAction =
  | { type: "tab"; tab: TeamTab }
  | { type: "open-pack"; packId: string | null }
  | { type: "open-session"; sessionId: string }
  | { type: "compare"; sessionIds: string[] }
  | { type: "invite"; packId: string }
  | { type: "back-to-packs" }
  | { type: "back-to-sessions" };

export const INITIAL_TEAM_VIEW: TeamView = { kind: "list" };

export function teamViewReducer(view: TeamView, action: TeamViewAction): TeamView {
  switch (action.type) {
    case "tab":
      return action.tab === "invites" ? { kind: "invites", packId: null } : { kind: action.tab };
    case "open-pack":
      return { kind: "editor", packId: action.packId, seq: view.kind === "editor" ? view.seq + 1 : 0 };
    case "open-session":
      return { kind: "session", sessionId: action.sessionId };
    case "compare":
      // Comparing needs two different sessions at least; fewer leaves the view as it is.
      return new Set(action.sessionIds).size >= MIN_COMPARE ? { kind: "compare", sessionIds: [...new Set(action.sessionIds)] } : view;
    case "invite":
      return { kind: "invites", packId: action.packId };
    case "back-to-packs":
      return { kind: "list" };
    case "back-to-sessions":
      return { kind: "sessions" };
  }
}

/** The tab a view belongs to (a pack in the editor is under Packs; a session or comparison under Sessions). */
export function tabOf(view: TeamView): TeamTab {
  switch (view.kind) {
    case "editor":
      return "list";
    case "session":
    case "compare":
      return "sessions";
    default:
      return view.kind;
  }
}

/** The pack list is fetched again whenever a view that shows it (or picks from it) opens. */
export const showsPackList = (view: TeamView) => view.kind === "list" || view.kind === "invites";
