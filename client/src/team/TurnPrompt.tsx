import { Markdown } from "../components/Markdown.js";

/**
 * One prompt of a reviewed session, as the candidate saw it: Markdown rendered
 * (react-markdown renders no raw HTML), not its source. A follow-up may quote the
 * candidate, whose Markdown the interviewer escaped (`\<img …`); printed raw, the
 * reviewer read backslashes the candidate never saw. Links and images in a
 * follow-up show as text, as in the candidate's own report.
 */
export function TurnPrompt({ kind, prompt }: { kind: "main" | "follow-up"; prompt: string }) {
  return (
    <div className="small turn-prompt" data-testid="turn-prompt">
      <strong>{kind === "main" ? "Question" : "Follow-up"}:</strong>
      <div className="markdown">
        <Markdown quotesCandidate={kind === "follow-up"}>{prompt}</Markdown>
      </div>
    </div>
  );
}
