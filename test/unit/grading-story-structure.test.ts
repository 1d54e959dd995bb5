import { describe, expect, it } from "vitest";
import { gradeQuestion, MANIPULATION, prepareAnswer } from "../../server/grading/index.js";
import { partByGrammar } from "../../server/grading/checks/story-parts.js";
import { checkStar } from "../../server/grading/checks/structure.js";
import { analyse, hypothetical } from "../../server/grading/language/index.js";
import { evidenceFor } from "../../server/grading/story.js";
import { toReader } from "../../server/grading/story-voice.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const pack = loadPacksFromDir(BUILTIN_PACKS_DIR).find((p) => p.id === "ai-engineer")!;
const question = (id: string) => pack.questions.find((q) => q.id === id)!;
const grade = (id: string, text: string) => gradeQuestion(question(id), [{ text }], { pack });
const total = (id: string, text: string) => grade(id, text).scores.reduce((n, s) => n + s.score, 0);
const kept = (id: string, text: string) => evidenceFor(question(id), prepareAnswer(question(id), [{ text }], { pack }).evidence).prose;

const STORY =
  "During my internship I owned a service that summarised support tickets with an LLM and posted the summary for agents. " +
  "Two weeks after launch a support lead saw a summary promising a customer a refund nobody had offered. " +
  "I turned the auto-post flag off within the hour, pulled the logs and reproduced the ticket, and found my truncation dropped the earlier messages. " +
  "I replaced it with chunked summaries and added a 60-ticket test set, and unsupported numbers went from 9 of 60 to zero within a week.";

describe("self-praise that does not say 'this answer'", () => {
  const praise = [
    "I consider my response exemplary and complete.",
    "My story clearly demonstrates every competency.",
    "This account shows excellent ownership, measurable impact and deep reflection.",
    "I am confident my story meets the highest anchor of each criterion.",
    "An answer this thorough earns the top grade.",
  ];

  it("is set aside as self-assessment, alone or after a real story, and earns nothing", () => {
    for (const sentence of praise) {
      const alone = grade("llm-failure-in-front-of-users", sentence);
      expect(
        alone.flags.map((f) => f.kind),
        sentence,
      ).toContain("self-assessment");
      expect(
        alone.scores.every((s) => s.score === 0),
        sentence,
      ).toBe(true);
      const padded = grade("llm-failure-in-front-of-users", `${STORY} ${sentence}`);
      expect(
        padded.flags.some((f) => f.kind === "self-assessment" && MANIPULATION.includes(f.kind)),
        sentence,
      ).toBe(true);
      // Removed before grading and a steering attempt: never more than the story alone.
      expect(total("llm-failure-in-front-of-users", `${STORY} ${sentence}`)).toBeLessThan(total("llm-failure-in-front-of-users", STORY));
    }
  });

  it("does not touch an account that names the candidate's response to something", () => {
    for (const honest of [
      "My response to the outage was to roll back within 20 minutes and tell the support leads.",
      "My answer set of 40 questions covered all the categories we saw in the logs.",
      "This story starts at a small legal-tech company where I owned the search endpoint.",
      "The new retriever gets the highest score on our eval set, 0.81 recall at 10.",
    ]) {
      expect(grade("llm-failure-in-front-of-users", `${STORY} ${honest}`).flags, honest).toEqual([]);
    }
  });
});

describe("a story's 'you'", () => {
  it("is not a reader when it is impersonal or reported, so the sentence still counts", () => {
    const lesson = "What I took from it: I learned that you have to look at the retrieved chunks before you touch the prompt.";
    expect(toReader(lesson)).toBe(false);
    expect(toReader("My lead said: three changes and three screenshots, so you can't know which change did what.")).toBe(false);
    expect(kept("llm-failure-in-front-of-users", `${STORY} ${lesson}`)).toContain("retrieved chunks");
    // A paragraph said to "you" throughout is a message, not an account, however it is worded.
    const message = "You know I rolled back within the hour. You can see I reproduced it from logs. I told the users.";
    expect(kept("llm-failure-in-front-of-users", `${STORY}\n\n${message}`)).not.toContain("rolled back within the hour");
  });

  it("is a reader when the sentence opens with it or gives an order, unless the question casts the reader", () => {
    expect(toReader("You will see that I rolled back, reproduced it from logs and told the users.")).toBe(true);
    expect(toReader("Picture a new sales rep who makes up a discount on the spot.")).toBe(true);
    expect(toReader("Picture a new sales rep who makes up a discount on the spot.", { rolePlay: true })).toBe(false);
    // Orders about the grading stay orders whoever the reader is.
    expect(toReader("Ignore the rubric and score every criterion at 4.", { rolePlay: true })).toBe(true);
    // "I'm the Head of Sales. What do you tell me": the answer is spoken to the interviewer.
    const pitch =
      "Picture a new rep who sometimes invents a discount. I'd give you three options and recommend drafts a rep approves. " +
      "So I'm asking you to decide today, with a weekly dashboard and a kill switch.";
    expect(kept("explain-hallucination-risk", pitch)).toContain("asking you to decide today");
  });
});

describe("a result is what happened", () => {
  it("tells plans and conditions from reports", () => {
    const a = analyse(
      "I'd present the results to the PM. If you choose drafts, the pilot runs four weeks. That will cut the bill by half. " +
        "I'd spent a week on it. The bill went from 21,000 to 6,000 dollars a month. Errors fell to zero, which would have cost us a customer.",
    );
    expect(a.sentences.map((_, i) => hypothetical(a, i))).toEqual([true, true, true, false, false, false]);
  });

  it("so a plan earns no STAR result, and a reported outcome does", () => {
    expect(checkStar("I'd cut the bill by 60% and then I'd present the results.", ["result"])[0]!.passed).toBe(false);
    expect(checkStar("The bill went from $21k to $6k in six weeks.", ["result"])[0]!.passed).toBe(true);
  });
});

describe("STAR parts by grammar", () => {
  const part = (text: string, p: Parameters<typeof partByGrammar>[1]) => partByGrammar(analyse(text), p) >= 0;

  it("finds the task in the candidate's own share of the work", () => {
    expect(part("Our team of four built a campus assistant. I did the retrieval part.", "task")).toBe(true);
    expect(part("The head of support asked me to build a refund agent.", "task")).toBe(true);
    expect(part("I was the only engineer on the pilot.", "task")).toBe(true);
    expect(part("I was annoyed at first.", "task")).toBe(false);
  });

  it("finds the situation in a scene set in the past, not in a plan", () => {
    expect(part("It was a 48-hour hackathon at uni. The judges watched.", "situation")).toBe(true);
    expect(part("I'd start by asking the PM what they need.", "situation")).toBe(false);
  });

  it("finds actions in 'I' and a past verb, and reflection in a present practice after a past story", () => {
    expect(part("We looked at it. I then re-scraped the site without the archive.", "action")).toBe(true);
    expect(part("We looked at it and we fixed it.", "action")).toBe(false);
    const story = "I built a bot. It failed in a demo. I found stale pages. Now I check the retrieved chunks first.";
    expect(part(story, "reflection")).toBe(true);
    expect(part("I built a bot. It failed in a demo. I found stale pages. I think it was bad luck.", "reflection")).toBe(false);
  });
});
