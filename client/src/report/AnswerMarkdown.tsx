import { useMemo, type ComponentProps } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import type { ReportQuestion } from "../../../server/contracts/index.js";
import { rehypeEvidence } from "./rehype-evidence.js";

type Criterion = ReportQuestion["criteria"][number];

/** A fence longer than any backtick run in the code, so the code cannot close it. */
export function fencedCode(code: string, language: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${language}\n${code.replace(/\n$/, "")}\n${ticks}`;
}

/**
 * A candidate's answer as they meant it to read: Markdown rendered, code
 * syntax-highlighted, with the quotes the scores rest on marked. Raw HTML in
 * the answer is never rendered (react-markdown's default).
 */
export function AnswerMarkdown({
  source,
  criteria,
  onFocusEvidence,
}: {
  source: string;
  criteria: readonly Criterion[];
  /** A mark got focus (its description) or lost it (null). */
  onFocusEvidence?: (description: string | null) => void;
}) {
  const rehypePlugins = useMemo(
    () =>
      [
        [rehypeHighlight, { detect: false, ignoreMissing: true }],
        [rehypeEvidence, { criteria }],
      ] as ComponentProps<typeof ReactMarkdown>["rehypePlugins"],
    [criteria],
  );
  // Stable component types: new ones on each render would remount the marks and drop their focus.
  const components = useMemo<Components>(
    () => ({
      a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" />,
      mark: ({ node: _node, ...props }) => (
        <mark {...props} onFocus={() => onFocusEvidence?.(props.title ?? null)} onBlur={() => onFocusEvidence?.(null)} />
      ),
      // Long code scrolls inside its block; a focusable region lets keyboard users scroll it.
      pre: ({ node: _node, ...props }) => <pre {...props} tabIndex={0} />,
    }),
    [onFocusEvidence],
  );
  return (
    <div className="markdown answer-markdown">
      <ReactMarkdown rehypePlugins={rehypePlugins} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
