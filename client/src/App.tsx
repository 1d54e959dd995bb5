import { Link, Route, Switch } from "wouter";
import { Lobby } from "./pages/Lobby.js";
import { InterviewRoom } from "./pages/InterviewRoom.js";
import { ReportPage } from "./pages/Report.js";

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <Link href="/" className="brand">
          Mock Interview
        </Link>
      </header>
      <main className="app-main">
        <Switch>
          <Route path="/" component={Lobby} />
          <Route path="/interview/:sessionId">
            {/* key: a different session id must start from a fresh room state */}
            {(params) => <InterviewRoom key={params.sessionId} sessionId={params.sessionId} />}
          </Route>
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
