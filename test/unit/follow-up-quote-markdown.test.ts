import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import { describe, expect, it } from "vitest";
import { createOfflineInterviewer } from "../../server/llm/index.js";
import { miniPack } from "../helpers/packs.js";

const question = miniPack().questions.find((q) => q.id === "rag-basics")!;

async function followUpTo(answerText: string): Promise<string> {
  const gen = createOfflineInterviewer().followUp({
    question,
    criterion: question.rubric[0]!,
    probe: "How would you measure it?",
    partly: false,
    answerText,
    turnId: "t1",
  });
  let text = "";
  for (let next = await gen.next(); !next.done; next = await gen.next()) text += next.value;
  return text;
}
/** What the report and share page show: the prompt through react-markdown, as client/src/components/Markdown.tsx renders it. */
const rendered = (markdown: string) => renderToStaticMarkup(createElement(ReactMarkdown, null, markdown));

describe("the offline interviewer's quote of the candidate", () => {
  it("shows Markdown the candidate wrote as text: no link, image, code or emphasis in their transcript", async () => {
    const prompt = await followUpTo(
      "Chunk [articles](https://evil.example/x) by ![p](https://evil.example/p.png) <b>headings</b>, *embed* `them`. Then retrieve the closest chunks for each question and answer from them.",
    );
    const html = rendered(prompt);
    expect(html).toContain("How would you measure it?");
    expect(html).not.toMatch(/<a |<img |<b>|<em>|<code>/);
    expect(html).toContain("[articles](https://evil.example/x)");
  });

  it("quotes ordinary words unchanged", async () => {
    const prompt = await followUpTo("I would chunk the articles by heading and embed them.");
    expect(rendered(prompt)).toContain("I would chunk the articles by heading and embed them");
  });
});
