import { confirmLeavingEditor } from "./team/unpublished.js";
import { Link, Route, Switch, useRoute } from "wouter";
import { Lobby } from "./pages/Lobby.js";
import { InterviewRoom } from "./pages/InterviewRoom.js";
import { lazy, Suspense } from "react";

// Charts (Recharts) and the report's Markdown + code highlighting are most of the bundle: load them when opened.
const ProgressPage = lazy(() => import("./pages/Progress.js").then((m) => ({ default: m.ProgressPage })));
const ReportPage = lazy(() => import("./pages/Report.js").then((m) => ({ default: m.ReportPage })));
const SharedReportPage = lazy(() => import("./pages/SharedReport.js").then((m) => ({ default: m.SharedReportPage })));
import { TeamPage } from "./team/TeamPage.js";
import { InvitePage } from "./invite/InvitePage.js";

export function App() {
  // The pack editor puts YAML and its preview side by side: it gets a wider column.
  const [onTeamPage] = useRoute("/team");
  // The room puts question and answer side by side: it gets the whole screen.
  const [inRoom] = useRoute("/interview/:sessionId");
  return (
    <div className="app">
      <header className="app-header">
        <Link href="/" className="brand" onClick={guardLeave}>
          Mock Interview
        </Link>
        <nav className="app-nav">
          <Link href="/progress" className={(active) => (active ? "active" : "")} onClick={guardLeave}>
            Progress
          </Link>
          <Link href="/team" className={(active) => (active ? "active" : "")} onClick={guardLeave}>
            Teams
          </Link>
        </nav>
      </header>
      <main className={inRoom ? "app-main app-main-full" : onTeamPage ? "app-main app-main-wide" : "app-main"}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Switch>
            <Route path="/" component={Lobby} />
            <Route path="/team" component={TeamPage} />
            <Route path="/progress" component={ProgressPage} />
            <Route path="/shared/:token">{(params) => <SharedReportPage key={params.token} token={params.token} />}</Route>
            <Route path="/interview/:sessionId">
              {/* key: a different session id must start from a fresh room state */}
              {(params) => <InterviewRoom key={params.sessionId} sessionId={params.sessionId} />}
            </Route>
            <Route path="/invite/:token">{(params) => <InvitePage key={params.token} token={params.token} />}</Route>
            <Route path="/report/:sessionId">{(params) => <ReportPage key={params.sessionId} sessionId={params.sessionId} />}</Route>
            <Route>
              <section className="panel">
                <h1>Page not found</h1>
                <p>
                  <Link href="/">Back to the lobby</Link>
                </p>
              </section>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </div>
  );
}

/** Header links leave the pack editor: ask first when it holds unpublished edits. */
function guardLeave(e: { preventDefault(): void }): void {
  if (!confirmLeavingEditor()) e.preventDefault();
}
