import { useEffect, useState } from "react";
import { useLocation } from "wouter";
import type { Level, Mode, PublicPack } from "../../../server/contracts/index.js";
import { fetchPack, fetchPacks } from "../api.js";
import { ErrorBanner } from "../components/ErrorBanner.js";
import { ModeSelect } from "../components/ModeSelect.js";
import { HistoryPanel } from "../history/HistoryPanel.js";
import { saveSession } from "../session-store.js";
import { errorMessage, request } from "../socket.js";

type Choice = { level: Level | null; rounds: Set<string> };

/** Defaults for a pack: "mid" when it has it, and every round. */
function defaultsFor(pack: PublicPack): Choice {
  const level = pack.levels.includes("mid") ? "mid" : (pack.levels[0] ?? null);
  return { level, rounds: new Set(pack.rounds.map((r) => r.id)) };
}

export function Lobby() {
  const [, navigate] = useLocation();
  const [packs, setPacks] = useState<PublicPack[] | null>(null);
  const [packId, setPackId] = useState("");
  const [choice, setChoice] = useState<Choice>({ level: null, rounds: new Set() });
  const [mode, setMode] = useState<Mode>("timed");
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // A team can share an unlisted pack as /?pack=<team>/<id>: offer it first, selected.
    const linked = new URLSearchParams(window.location.search).get("pack");
    fetchPacks()
      .then(async (list) => {
        let all = list;
        if (linked && !list.some((p) => p.id === linked)) {
          try {
            all = [await fetchPack(linked), ...list];
          } catch {
            if (!cancelled) setError(`The linked interview pack "${linked}" was not found; it may be private or removed.`);
          }
        }
        if (cancelled) return;
        setPacks(all);
        const first = all.find((p) => p.id === linked) ?? all[0];
        if (first) {
          setPackId(first.id);
          setChoice(defaultsFor(first));
        }
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(`Could not load interview packs: ${errorMessage(err)}`);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const pack = packs?.find((p) => p.id === packId) ?? null;

  const pickPack = (id: string) => {
    setPackId(id);
    const next = packs?.find((p) => p.id === id);
    if (next) setChoice(defaultsFor(next));
  };

  const toggleRound = (id: string, on: boolean) =>
    setChoice((prev) => {
      const rounds = new Set(prev.rounds);
      if (on) rounds.add(id);
      else rounds.delete(id);
      return { ...prev, rounds };
    });

  const start = async () => {
    if (!pack) return;
    // Pack order, not click order: the pack defines the interview's flow.
    const rounds = pack.rounds.filter((r) => choice.rounds.has(r.id)).map((r) => r.id);
    setStarting(true);
    setError(null);
    try {
      const result = await request("session:start", {
        packId: pack.id,
        ...(choice.level ? { level: choice.level } : {}),
        rounds,
        mode,
      });
      saveSession(result.sessionId, result.resumeToken);
      navigate(`/interview/${result.sessionId}`);
    } catch (err) {
      setError(`Could not start the interview: ${errorMessage(err)}`);
      setStarting(false);
    }
  };

  const chosenMinutes = pack?.rounds.filter((r) => choice.rounds.has(r.id)).reduce((sum, r) => sum + r.minutes, 0) ?? 0;

  return (
    <>
      <section className="panel lobby">
        <h1>Practise an AI / LLM engineer interview</h1>
        {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
        {packs === null && !error && <p className="muted">Loading interview packs…</p>}
        {packs?.length === 0 && <p>No interview packs are installed on this server.</p>}

        {packs && packs.length > 0 && (
          <form
            className="lobby-form"
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <label className="field">
              <span>Interview pack</span>
              <select data-testid="pack-select" value={packId} onChange={(e) => pickPack(e.target.value)}>
                {packs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.team ? `${p.title} (by ${p.team.teamName})` : p.title}
                  </option>
                ))}
              </select>
            </label>
            {pack?.description && <p className="muted pack-description">{pack.description}</p>}
            {pack?.needsFix && (
              // Only a linked pack can be here (the list leaves such packs out): say why it cannot start, before the
              // candidate chooses rounds and is refused with PACK_NEEDS_FIX.
              <div className="notice warn" role="status" data-testid="pack-needs-fix">
                <p>This pack cannot be started now: {pack.needsFix.reason}.</p>
              </div>
            )}
            {pack?.team && (
              <div className="notice" data-testid="pack-team-notice">
                <p>
                  This pack was written by the team <strong>{pack.team.teamName}</strong>, not by this site. That team will see:
                </p>
                <ul>
                  {pack.team.teamSees.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            )}

            {pack && (
              <>
                <label className="field">
                  <span>Level</span>
                  <select
                    data-testid="level-select"
                    value={choice.level ?? ""}
                    onChange={(e) => setChoice((prev) => ({ ...prev, level: e.target.value as Level }))}
                    disabled={pack.levels.length === 0}
                  >
                    {pack.levels.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                </label>

                <fieldset className="field rounds">
                  <legend>Rounds</legend>
                  {pack.rounds.map((r) => (
                    <label key={r.id} className="round-option">
                      <input
                        type="checkbox"
                        data-testid={`round-${r.id}`}
                        checked={choice.rounds.has(r.id)}
                        onChange={(e) => toggleRound(r.id, e.target.checked)}
                      />
                      <span className="round-option-title">{r.title}</span>
                      <span className="muted">
                        {r.minutes} min · {r.questionCount} question{r.questionCount === 1 ? "" : "s"}
                      </span>
                    </label>
                  ))}
                </fieldset>

                <ModeSelect testId="mode-select" value={mode} onChange={setMode} />
                <p className="muted">
                  {mode === "timed"
                    ? `Timed: ${chosenMinutes} minutes in total, scores at the end.`
                    : "Practice: no clock, feedback after every answer."}
                </p>

                <button
                  type="submit"
                  className="primary"
                  data-testid="start-button"
                  disabled={starting || choice.rounds.size === 0 || pack.needsFix !== null}
                >
                  {starting ? "Starting…" : "Start interview"}
                </button>
              </>
            )}
          </form>
        )}
      </section>
      <HistoryPanel />
    </>
  );
}
