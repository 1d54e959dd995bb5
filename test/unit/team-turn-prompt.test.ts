import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TurnPrompt } from "../../client/src/team/TurnPrompt.js";

const render = (kind: "main" | "follow-up", prompt: string) => renderToStaticMarkup(createElement(TurnPrompt, { kind, prompt }));

describe("a reviewed session's prompt", () => {
  it("shows a follow-up's escaped quote as the candidate saw it: no backslashes, no live markup", () => {
    const html = render(
      "follow-up",
      String.raw`You said "\<img src=x onerror=window.\_\_xss=1\> [click](javascript:alert(1))". How do you decide two questions are the same?`,
    );
    expect(html).toContain("&lt;img src=x onerror=window.__xss=1&gt;");
    expect(html).not.toContain("\\");
    expect(html).not.toMatch(/<img|<a /);
    expect(html).toContain("Follow-up:");
  });

  it("renders a main question's Markdown and drops raw HTML", () => {
    const html = render("main", 'Design a **cache**. <img src=x onerror="window.__xss=1">');
    expect(html).toContain("<strong>cache</strong>");
    expect(html).not.toContain("<img");
  });
});
