import { describe, expect, it } from "vitest";
import { oppositeWords } from "../../server/grading/language/opposite-words.js";
import type { Pack } from "../../server/scenarios/index.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/**
 * A key point's value said the other way of the same thing (value-opposites.ts): the answer names the point's
 * subject, so its terms match, and gives it the opposite value. Packs written for these tests; the values and
 * what they are said of are learnt from each pack's label and strong exemplar.
 */
const emails: Pack = oneCriterionPack({
  id: "signup-emails",
  prompt: "The sign-up page hangs while the confirmation email is sent. How should the web app send those emails?",
  concepts: [
    { label: "send the emails asynchronously through a queue", terms: ["queue", "background worker"] },
    { label: "retry failed sends", terms: ["retry", "retries"] },
  ],
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer:
        "Send the confirmation emails asynchronously: the sign-up request puts a job on a queue and a background worker sends it, so the page returns at once. Failed sends are retried with backoff.",
    },
    { level: "weak", score: 1, answer: "Send the email faster." },
  ],
});
const servers: Pack = oneCriterionPack({
  id: "scale-api",
  prompt: "How do you make the API tier easy to scale out behind a load balancer?",
  concepts: [
    { label: "stateless API servers", terms: ["stateless"] },
    { label: "sessions in a shared store", terms: ["shared store", "redis"] },
  ],
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer:
        "Keep the API servers stateless and put session data in a shared store such as Redis, so any server can take any request and new servers can join behind the load balancer.",
    },
    { level: "weak", score: 1, answer: "Buy a bigger machine." },
  ],
});
const agent: Pack = oneCriterionPack({
  id: "agent-access",
  prompt: "An agent calls internal tools on behalf of support staff. How should it be given access?",
  concepts: [
    { label: "scoped credentials", terms: ["least privilege", "per-tool token"] },
    { label: "audit log", terms: ["audit"] },
  ],
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer:
        "Give the agent scoped credentials: a per-tool token with least privilege, only the actions each tool needs. Every call goes to an audit log with the staff member it acted for.",
    },
    { level: "weak", score: 1, answer: "Use an API key." },
  ],
});
// As the public sets' packs are authored: bare-word key points, the reference as the strong exemplar.
const circuit: Pack = oneCriterionPack({
  id: "bulbs-path",
  prompt: "Why does bulb C stay lit when bulb A burns out?",
  concepts: [
    { label: "different", terms: ["different"] },
    { label: "paths", terms: ["path"] },
  ],
  exemplars: [
    { level: "strong", score: 4, answer: "Bulbs A and C are in different paths." },
    { level: "weak", score: 0, answer: "Because of the battery." },
  ],
});

const packs = { emails, servers, agent, circuit };
type Name = keyof typeof packs;

describe("a key point's value said the other way of the same thing states its opposite", () => {
  it.each<[Name, string]>([
    ["emails", "Send the emails synchronously from the sign-up handler, through a queue, and retry failed sends."],
    ["emails", "The handler should send each email synchronously, and retry the sends that fail."],
    ["servers", "Make the API servers stateful, with the sessions in a shared store like Redis."],
    ["agent", "Give the agent unscoped credentials so it can reach every tool, and write each call to an audit log."],
  ])("%s: %s", (name, text) => {
    const { criterion } = gradeOne(packs[name], text);
    expect(criterion.feedback).toContain("States the opposite of:");
    // The point whose value is turned earns nothing, and its shared words lift nothing.
    expect(criterion.score).toBeLessThanOrEqual(2);
    expect(criterion.feedback).not.toContain("raises this");
  });

  it("names the point in the report, and its terms are not evidence in that sentence", () => {
    const { criterion } = gradeOne(emails, "Send the emails synchronously from the sign-up handler, through a queue.");
    expect(criterion.evidence.map((e) => e.note)).not.toContain("send the emails asynchronously through a queue");
    expect(criterion.feedback).toContain("States the opposite of: send the emails asynchronously through a queue.");
    expect(criterion.score).toBe(0);
  });

  it("a bare-word point turned round beside a stated one keeps likeness from lifting the level", () => {
    const wrong = gradeOne(circuit, "Bulbs A and C are contained in the same path with the battery.");
    expect(wrong.criterion.feedback).toContain("States the opposite of: different.");
    expect(wrong.criterion.score).toBeLessThanOrEqual(2);
    const right = gradeOne(circuit, "Bulbs A and C are contained in different paths with the battery.");
    expect(right.criterion.score).toBe(4);
  });
});

describe("honest contrasts and other things keep their credit", () => {
  it.each<[Name, string]>([
    // The value beside its opposite: a contrast.
    ["emails", "Unlike a synchronous send, the request only puts a job on a queue and retries failed sends later."],
    ["emails", "The send is not synchronous but asynchronous: a job goes on a queue, and failed sends are retried."],
    // The opposite names another kind of thing, in the subject.
    ["emails", "Synchronous sending is what blocks the page, so put a job on a queue and retry failed sends."],
    // Denied, or under a condition.
    ["emails", "Never send the email synchronously; put a job on a queue and retry failed sends."],
    [
      "servers",
      "If the API servers were stateful, a restart would lose sessions, so keep sessions in a shared store like Redis and servers stateless.",
    ],
    // Said of something the references do not give the value of.
    ["servers", "The database is stateful, but the API servers are stateless, with sessions in a shared store like Redis."],
  ])("%s: %s", (name, text) => {
    const { criterion } = gradeOne(packs[name], text);
    expect(criterion.feedback).not.toContain("opposite");
    expect(criterion.score).toBeGreaterThanOrEqual(3);
  });

  it("an unresolved pronoun says nothing against the point", () => {
    const { criterion } = gradeOne(
      circuit,
      "The battery feeds them in turn. It has the same voltage. Bulbs A and C are in different paths.",
    );
    expect(criterion.feedback).not.toContain("opposite");
  });
});

describe("the words that assert the other value (language/opposite-words.ts)", () => {
  it("reads WordNet antonyms, adverbs through their adjectives, and privative forms", () => {
    expect(oppositeWords("asynchronous").has("synchronous")).toBe(true);
    expect(oppositeWords("asynchronously").has("synchronously")).toBe(true);
    expect(oppositeWords("stateless").has("stateful")).toBe(true);
    expect(oppositeWords("scoped").has("unscoped")).toBe(true);
    expect(oppositeWords("non-blocking").has("blocking")).toBe(true);
    expect(oppositeWords("same").has("different")).toBe(true);
  });

  it("gives no antonym to a word with a range of them, nor 'other', nor a word that only looks prefixed", () => {
    // "positive" against negative and neutral names one of several kinds (a positive terminal).
    expect(oppositeWords("positive").has("negative")).toBe(false);
    expect(oppositeWords("same").has("other")).toBe(false);
    expect([...oppositeWords("united")].some((w) => w.startsWith("ited"))).toBe(false);
  });
});
