import ReactMarkdown from "react-markdown";

/**
 * Question prompts come from scenario packs and the interviewer model.
 * react-markdown never renders raw HTML, so model output cannot inject markup.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <ReactMarkdown
      components={{
        a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" />,
      }}
    >
      {children}
    </ReactMarkdown>
  );
}
