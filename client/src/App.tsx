import { confirmLeavingEditor } from "./team/unpublished.js";
import { Link, Route, Switch, useRoute } from "wouter";
import { Lobby } from "./pages/Lobby.js";
import { InterviewRoom } from "./pages/InterviewRoom.js";
import { ReportPage } from "./pages/Report.js";
import { TeamPage } from "./team/TeamPage.js";
import { InvitePage } from "./invite/InvitePage.js";

export function App() {
  // The pack editor puts YAML and its preview side by side: it gets a wider column.
  const [onTeamPage] = useRoute("/team");
  return (
    <div className="app">
      <header className="app-header">
        <Link href="/" className="brand" onClick={guardLeave}>
          Mock Interview
        </Link>
        <nav className="app-nav">
          <Link href="/team" className={(active) => (active ? "active" : "")} onClick={guardLeave}>
            Teams
          </Link>
        </nav>
      </header>
      <main className={onTeamPage ? "app-main app-main-wide" : "app-main"}>
        <Switch>
          <Route path="/" component={Lobby} />
          <Route path="/team" component={TeamPage} />
          <Route path="/interview/:sessionId">
            {/* key: a different session id must start from a fresh room state */}
            {(params) => <InterviewRoom key={params.sessionId} sessionId={params.sessionId} />}
          </Route>
          <Route path="/invite/:token">{(params) => <InvitePage key={params.token} token={params.token} />}</Route>
          <Route path="/report/:sessionId">
            {(params) => <ReportPage key={params.sessionId} sessionId={params.sessionId} />}
          </Route>
          <Route>
            <section className="panel">
              <h1>Page not found</h1>
              <p>
                <Link href="/">Back to the lobby</Link>
              </p>
            </section>
          </Route>
        </Switch>
      </main>
    </div>
  );
}

/** Header links leave the pack editor: ask first when it holds unpublished edits. */
function guardLeave(e: { preventDefault(): void }): void {
  if (!confirmLeavingEditor()) e.preventDefault();
}
