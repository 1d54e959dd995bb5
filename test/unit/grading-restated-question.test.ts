import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { withoutRestatedQuestion } from "../../server/grading/restated-question.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { packGrader } from "../helpers/pack-grader.js";

/**
 * The question's prompt pasted back with small edits earns nothing of its own (outside audit 11: 25 of 100 over a
 * weak answer's 0); answers that work with the same givens keep their sentences. Fixture:
 * test/fixtures/restated/tune.yaml.
 */
const [pack] = loadPacksFromDir("scenarios");
type Row = { questionId: string; side: "restated" | "honest"; answer: string };
const rows = parse(readFileSync(new URL("../fixtures/restated/tune.yaml", import.meta.url), "utf8")) as Row[];
const { question, graded, weakScore } = packGrader(pack!);

describe("withoutRestatedQuestion: the prompt said back is not evidence", () => {
  it("gives each restated prompt no more than its question's weak model answer", () => {
    const restated = rows.filter((r) => r.side === "restated");
    expect(restated.length).toBeGreaterThanOrEqual(3);
    for (const r of restated)
      expect(graded(r.questionId, r.answer).score, r.answer.slice(0, 60)).toBeLessThanOrEqual(weakScore(r.questionId));
  });

  it("keeps every sentence of an answer that works with the givens (its own numbers and words)", () => {
    for (const r of rows.filter((x) => x.side === "honest")) {
      expect(withoutRestatedQuestion(r.answer, question(r.questionId)).text).toBe(r.answer);
      expect(graded(r.questionId, r.answer).score).toBeGreaterThan(weakScore(r.questionId));
    }
  });

  it("drops only the restating sentence of a line, keeping the candidate's own", () => {
    const q = question("support-chatbot-rag");
    const line = "When the bot cannot help, it must hand off to a human agent. I hand off after two low-confidence answers in a row.";
    expect(withoutRestatedQuestion(line, q).text).toBe("I hand off after two low-confidence answers in a row.");
  });

  it("keeps a sentence that negates or limits what the prompt says: that is a change, not a restatement", () => {
    const q = question("support-chatbot-rag");
    // The second sentence restates the ticket price and goes; the changed requirement stays.
    const fix = "The bot must not hand off to a human agent when it cannot help; an agent-handled ticket costs about $4.";
    expect(withoutRestatedQuestion(fix, q).text).toBe("The bot must not hand off to a human agent when it cannot help;");
  });

  it("keeps a sentence stating a number the prompt does not give", () => {
    const q = question("support-chatbot-rag");
    const own = "We get 10,000 user questions per day, with the peak hour at 3x the average, so 1,250 in that hour.";
    expect(withoutRestatedQuestion(own, q).text).toBe(own);
    // The prompt's words for a decision of the candidate's own, not in the prompt's order.
    const routing = "Route the 70% of requests the judge rated good to the cheap model.";
    expect(withoutRestatedQuestion(routing, question("model-routing-cost")).text).toBe(routing);
  });

  it("reads only design briefs: the answer to a one-line question repeats it and adds its one word", () => {
    const short = {
      ...question("support-chatbot-rag"),
      prompt: "Explain why you got a voltage reading of 1.5 for terminal 1 and the positive terminal.",
    };
    const answer = "I got a voltage reading of 1.5 for terminal 1 and the positive terminal because they are connected.";
    expect(withoutRestatedQuestion(answer, short).text).toBe(answer);
  });

  it("outside system design, keeps an opening that restates the prompt when the candidate's own account follows", () => {
    const story = pack!.questions.find((q) => q.id === "cut-llm-costs")!;
    const opening = "I significantly reduced what an LLM feature cost to run.";
    const answer = `${opening} Our ticket summariser cost $9,000 a month; I tagged every call with its feature and found 40% were retries of the same ticket after an edit. I cached summaries by ticket hash, moved the short tickets to a small model after a 300-ticket side-by-side review with two support leads, and the bill fell to $3,100 with the same thumbs-up rate.`;
    expect(withoutRestatedQuestion(answer, story).text).toBe(answer);
  });

  it("outside system design, sets aside an answer that is mostly the question said back, and counts it", () => {
    const story = pack!.questions.find((q) => q.id === "cut-llm-costs")!;
    const back = story.prompt
      .split("\n\n")[0]!
      .replace(/\s+/g, " ")
      .replace(/\byou\b/g, "I")
      .replace(/\?/g, ".");
    const said = withoutRestatedQuestion(back, story);
    expect(said.restated).toBeGreaterThanOrEqual(2);
    expect(said.text.replace(/[^a-z]/gi, "").length).toBeLessThan(back.replace(/[^a-z]/gi, "").length / 3);
  });

  it("reads the prose of a coding or prompt-debugging question without its fenced blocks: a fixed prompt keeps the broken one's lines", () => {
    const debug = pack!.questions.find((q) => q.kind === "prompt-debugging" && /```/.test(q.prompt))!;
    const fenced = /```[^\n]*\n([\s\S]*?)```/.exec(debug.prompt)![1]!.trim();
    const fix = `Fixed prompt:\n${fenced}\nReturn only the JSON object, with no preamble.`;
    expect(withoutRestatedQuestion(fix, debug).text).toBe(fix);
  });
});
