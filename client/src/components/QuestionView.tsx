import { useEffect, useRef } from "react";
import type { RoomQuestion } from "../room/room-state.js";
import { questionPosition } from "../room/room-state.js";
import { Markdown } from "./Markdown.js";
import { VisibleTests } from "./VisibleTests.js";

export function QuestionView({ question }: { question: RoomQuestion }) {
  const followUp = question.kind === "follow-up";
  const article = useRef<HTMLElement>(null);
  // A follow-up sits below the earlier turns (the main question and the candidate's answer), which at 1280x900 put it
  // below the fold (outside tester, session 21): each new follow-up is brought into view, in the question panel and
  // the page, once when it opens. Main questions open at the top of an empty panel and need nothing.
  useEffect(() => {
    if (followUp) article.current?.scrollIntoView?.({ block: "start", behavior: "auto" });
  }, [followUp, question.questionId]);
  return (
    <article ref={article} className="question" aria-busy={question.streaming} data-question-id={question.questionId}>
      <div className="question-meta">
        <span className={`badge ${followUp ? "badge-follow-up" : ""}`} data-testid="question-kind" data-kind={question.kind}>
          {followUp ? "Follow-up" : "Main question"}
        </span>
        <span className="muted" data-testid="question-position">
          {questionPosition(question)}
        </span>
      </div>
      <h2 data-testid="question-title">{question.title}</h2>
      <div className={`markdown question-text ${question.streaming ? "streaming" : ""}`} data-testid="question-text">
        <Markdown>{question.text}</Markdown>
      </div>
      {question.answerFormat === "code" && question.visibleTests && <VisibleTests tests={question.visibleTests} />}
    </article>
  );
}
