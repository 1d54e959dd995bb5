import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { routes } from "../../../server/contracts/index.js";
import { teamApi } from "./api.js";
import { CompareView } from "./CompareView.js";
import { message } from "./format.js";
import { InvitesPanel } from "./InvitesPanel.js";
import { PackEditor } from "./PackEditor.js";
import { PackList } from "./PackList.js";
import { reviewApi } from "./review-api.js";
import { RotateOwnToken } from "./RotateOwnToken.js";
import { allows, TeamRoleContext } from "./role.js";
import { SessionsPanel } from "./SessionsPanel.js";
import { SessionView } from "./SessionView.js";
import { INITIAL_TEAM_VIEW, showsPackList, tabOf, TEAM_TABS, teamViewReducer, type TeamViewAction } from "./team-view.js";
import { TokensPanel } from "./TokensPanel.js";
import type { PackSummary, TeamInfo } from "./types.js";
import { confirmLeavingEditor } from "./unpublished.js";

/** What each role may do, for the badge's tooltip (the rule itself is the route table's). */
const ROLE_HINTS: Record<TeamInfo["role"], string> = {
  owner: "Everything, including the team's tokens",
  editor: "Write and publish packs, invite candidates; read sessions",
  reviewer: "Read sessions, override scores, compare, export CSV",
  viewer: "Read only",
};

/** A signed-in team's workspace: the tab bar, then the view the reducer in team-view.ts says is open. */
export function TeamWorkspace({
  token,
  team,
  onSignOut,
  onTokenRotated,
}: {
  token: string;
  team: TeamInfo;
  onSignOut: () => void;
  /** This browser's token was given a new secret (the old one no longer works). */
  onTokenRotated: (token: string) => void;
}) {
  const api = useMemo(() => teamApi(token, team.id), [token, team.id]);
  const review = useMemo(() => reviewApi(token, team.id), [token, team.id]);
  const [view, dispatch] = useReducer(teamViewReducer, INITIAL_TEAM_VIEW);
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api
      .listPacks()
      .then((list) => {
        setPacks(list);
        setError(null);
      })
      .catch((err: unknown) => setError(`Could not load your packs: ${message(err)}`));
  }, [api]);

  const listShown = showsPackList(view);
  useEffect(() => {
    if (listShown) refresh();
  }, [view.kind, listShown, refresh]);

  /** Moves that leave the editor ask first when it holds unpublished changes. */
  const leave = (action: TeamViewAction) => confirmLeavingEditor() && dispatch(action);
  const activeTab = tabOf(view);
  // Only owners manage tokens: the tab is not offered to the others (the server refuses them anyway).
  const tabs = TEAM_TABS.filter(([kind]) => kind !== "tokens" || allows(team.role, routes.tokens));

  return (
    <TeamRoleContext.Provider value={team.role}>
      <div className="team-page">
        <div className="team-bar">
          <span>
            Signed in as <strong data-testid="team-name">{team.name}</strong> <span className="muted">({team.id})</span> with{" "}
            <strong>{team.label}</strong>&apos;s token,{" "}
            <span className="badge" data-testid="team-role" title={ROLE_HINTS[team.role]}>
              {team.role}
            </span>
          </span>
          <nav className="team-tabs" aria-label="Team">
            {tabs.map(([kind, label]) => (
              <button
                key={kind}
                type="button"
                className={activeTab === kind ? "active" : ""}
                aria-current={activeTab === kind ? "page" : undefined}
                data-testid={`tab-${kind}`}
                onClick={() => leave({ type: "tab", tab: kind })}
              >
                {label}
              </button>
            ))}
          </nav>
          <RotateOwnToken api={review} onRotated={onTokenRotated} />
          <button type="button" onClick={() => confirmLeavingEditor() && onSignOut()} data-testid="sign-out">
            Sign out
          </button>
        </div>

        {view.kind === "list" && (
          <PackList
            packs={packs}
            error={error}
            onDismissError={() => setError(null)}
            onOpen={(packId) => dispatch({ type: "open-pack", packId })}
          />
        )}
        {view.kind === "editor" && (
          // key: every pack opened starts from a fresh editor state
          <PackEditor
            key={`${view.packId ?? "new"}:${view.seq}`}
            api={api}
            packId={view.packId}
            existing={packs ?? []}
            onBack={() => dispatch({ type: "back-to-packs" })}
            onPublished={refresh}
            review={review}
            onInvite={(packId) => dispatch({ type: "invite", packId })}
          />
        )}
        {view.kind === "sessions" && (
          <SessionsPanel
            api={review}
            teamId={team.id}
            onOpen={(sessionId) => dispatch({ type: "open-session", sessionId })}
            onCompare={(sessionIds) => dispatch({ type: "compare", sessionIds })}
          />
        )}
        {view.kind === "session" && (
          <SessionView key={view.sessionId} api={review} sessionId={view.sessionId} onBack={() => dispatch({ type: "back-to-sessions" })} />
        )}
        {view.kind === "compare" && (
          <CompareView api={review} sessionIds={view.sessionIds} onBack={() => dispatch({ type: "back-to-sessions" })} />
        )}
        {view.kind === "invites" && <InvitesPanel api={review} packs={packs ?? []} initialPackId={view.packId} />}
        {view.kind === "tokens" && <TokensPanel api={review} />}
      </div>
    </TeamRoleContext.Provider>
  );
}
