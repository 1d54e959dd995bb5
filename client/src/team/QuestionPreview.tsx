import { lazy, Suspense, useState } from "react";
import type { Language, PublicQuestion } from "../../../server/contracts/index.js";
import { Markdown } from "../components/Markdown.js";

const CodeEditor = lazy(() => import("../components/CodeEditor.js").then((m) => ({ default: m.CodeEditor })));
const noop = () => {};
const json = (value: unknown) => JSON.stringify(value) ?? "undefined";

/**
 * One question as the candidate's browser gets it: built from the server's
 * PublicQuestion (an allow-list), so rubrics and exemplars cannot appear here.
 */
export function QuestionPreview({ question }: { question: PublicQuestion }) {
  const languages = Object.keys(question.starterCode ?? {}) as Language[];
  const [picked, setPicked] = useState<Language | null>(null);
  const language = picked && languages.includes(picked) ? picked : languages[0];
  const code = language ? question.starterCode?.[language] : undefined;

  return (
    <article className="question preview-question" data-testid="preview-question">
      <div className="question-meta">
        <span className="badge">{question.kind}</span>
        <span className="badge">{question.level}</span>
        <span className="muted small">about {question.timeGuideMinutes} min</span>
      </div>
      <h2>{question.title}</h2>
      <div className="markdown question-text">
        <Markdown>{question.prompt}</Markdown>
      </div>
      {language && code !== undefined && (
        <div className="preview-starter">
          <div className="preview-starter-head">
            <span className="muted small">Starter code</span>
            {languages.length > 1 && (
              <select value={language} onChange={(e) => setPicked(e.target.value as Language)} aria-label="Starter code language">
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </div>
          <Suspense fallback={<pre className="preview-code-fallback">{code}</pre>}>
            <CodeEditor value={code} language={language} onChange={noop} readOnly />
          </Suspense>
        </div>
      )}
      {question.visibleTests && question.visibleTests.length > 0 && (
        <div className="preview-tests">
          <span className="muted small">Visible tests</span>
          <ul>
            {question.visibleTests.map((t, i) => (
              <li key={`${i}:${t.name}`}>
                <span>{t.name}</span>
                <code>
                  ({t.args.map((a) => json(a)).join(", ")}) → {json(t.expected)}
                </code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
