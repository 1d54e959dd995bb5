import type { AnswerContent } from "./answer.js";
import type { EarlierTurn } from "./room-state.js";
import { Markdown } from "../components/Markdown.js";

function AnswerText({ answer }: { answer: AnswerContent | null }) {
  if (!answer) return <p className="no-answer">No answer</p>;
  return (
    <>
      {"code" in answer && (
        <pre className="code" tabIndex={0}>
          <code>{answer.code}</code>
        </pre>
      )}
      {answer.text?.trim() && (
        <div className="markdown">
          <Markdown>{answer.text}</Markdown>
        </div>
      )}
    </>
  );
}

/** During a follow-up: the original question and what the candidate answered, to re-read at will. */
export function EarlierTurns({ turns }: { turns: EarlierTurn[] }) {
  if (turns.length === 0) return null;
  return (
    <details className="earlier-turns" data-testid="earlier-turns" open>
      <summary>The original question and your answer{turns.length > 1 ? "s" : ""}</summary>
      <ol className="thread">
        {turns.map((t, i) => (
          <li key={i} className={t.kind === "follow-up" ? "turn turn-follow-up" : "turn"}>
            <div className="muted small">{t.kind === "follow-up" ? "Follow-up" : "Question"}</div>
            <div className="markdown turn-prompt">
              <Markdown>{t.prompt}</Markdown>
            </div>
            <div className="muted small">Your answer</div>
            <AnswerText answer={t.answer} />
          </li>
        ))}
      </ol>
    </details>
  );
}
