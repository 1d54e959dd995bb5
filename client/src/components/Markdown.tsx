import ReactMarkdown from "react-markdown";

/**
 * Question prompts come from scenario packs and the interviewer model.
 * react-markdown never renders raw HTML, so model output cannot inject markup.
 * A follow-up (`quotesCandidate`) may repeat the candidate's own words, through the model: its links and images
 * are shown as their text, so nobody can plant a live link in their own report or share page.
 */
export function Markdown({ children, quotesCandidate = false }: { children: string; quotesCandidate?: boolean }) {
  return (
    <ReactMarkdown
      components={{
        a: ({ node: _node, ...props }) =>
          quotesCandidate ? <span>{props.children}</span> : <a {...props} target="_blank" rel="noreferrer noopener" />,
        ...(quotesCandidate ? { img: ({ alt }: { alt?: string }) => <span>{alt ?? ""}</span> } : {}),
      }}
    >
      {children}
    </ReactMarkdown>
  );
}
