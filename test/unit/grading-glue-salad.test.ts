import { describe, expect, it } from "vitest";
import { analyse, claimSentences, gluedSalad } from "../../server/grading/language/index.js";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

/** Terms of a database-recovery question: a domain no built-in pack covers. */
const TERMS = [
  "write-ahead log",
  "checkpoint",
  "replica lag",
  "failover",
  "quorum",
  "fsync",
  "snapshot",
  "leader election",
  "heartbeat",
  "fencing",
];

/** Terms strung on single glue words, the glue picked in turn from `glue`: the shape of a salad, whatever its words. */
function salad(glue: string[], items = 36, sentenceEvery = 0): string {
  const words = Array.from({ length: items }, (_, i) => `${TERMS[(i * 7) % TERMS.length]} ${glue[i % glue.length]}`);
  const text = words
    .map((w, i) => (sentenceEvery && i % sentenceEvery === sentenceEvery - 1 ? `${w} ${TERMS[i % TERMS.length]}.` : w))
    .join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)} ${TERMS[0]}.`;
}

const HONEST =
  "When the primary dies, I would not promote a replica straight away: first the heartbeat has to be missed for a few seconds, so a slow " +
  "network does not cause a failover. The remaining nodes hold a leader election and need a quorum, which is what stops a split brain. " +
  "The new leader replays the write-ahead log from the last checkpoint, and the old primary is fenced so that it cannot accept writes " +
  "if it comes back. Replica lag matters here, because a replica that is behind would lose the last writes; we pick the one with the " +
  "least lag and it is the one we promote.";

describe("a salad of terms strung on glue words is not English", () => {
  it("is read as a salad whichever glue words join it, in one sentence or several", () => {
    for (const glue of [
      ["then", "via", "of", "using", "is", "the"],
      ["across", "into", "per", "at", "so", "toward"],
      ["a", "are", "by", "from", "or", "with"],
    ]) {
      expect(gluedSalad(salad(glue)), glue.join(",")).toBe(true);
      expect(gluedSalad(salad(glue, 36, 6)), `${glue.join(",")} in sentences`).toBe(true);
    }
  });

  it("honest prose with the same terms, and a short note, are not", () => {
    expect(gluedSalad(HONEST)).toBe(false);
    expect(gluedSalad("Fsync per commit: slower writes, no lost transactions.")).toBe(false);
  });

  it("reads a question's own multi-word terms as terms, not as glue that pairs", () => {
    const phrases = ["flush to the disk", "read from the log"];
    const text = Array.from(
      { length: 24 },
      (_, i) => `${phrases[i % 2]} ${["via", "of", "with", "for"][i % 4]} ${TERMS[i % TERMS.length]}`,
    ).join(" ");
    // Read as prose, "to the" and "from the" pair as English glue does; read as terms, the salad shows.
    expect(gluedSalad(text)).toBe(false);
    expect(gluedSalad(text, phrases)).toBe(true);
  });
});

describe("a glued salad earns no more than the weak answer; honest notes keep their credit", () => {
  const pack = oneCriterionPack({
    prompt: "The primary database node has died. How do you fail over without losing writes or ending up with two leaders?",
    concepts: [
      { label: "detect failure by heartbeat", terms: ["heartbeat", "missed heartbeat"] },
      { label: "leader election with a quorum", terms: ["quorum", "leader election", "majority"] },
      { label: "fence the old primary", terms: ["fencing", "fence", "stonith"] },
      { label: "replay the log", terms: ["write-ahead log", "wal", "replay"] },
      { label: "promote the least-lagged replica", terms: ["replica lag", "least lag", "most up to date"] },
    ],
    enough: 4,
    exemplars: [
      { level: "strong", answer: HONEST, score: 4 },
      { level: "weak", answer: "Restart the database and hope nothing was lost. Backups help.", score: 1 },
    ],
  });
  const weak = gradeOne(pack, "Restart the database and hope nothing was lost. Backups help.").score;

  it("flags salads of the question's terms and earns them nothing above the weak answer", () => {
    for (const glue of [
      ["then", "via", "of", "using", "is", "the"],
      ["across", "into", "per", "at", "so", "toward"],
    ]) {
      const graded = gradeOne(pack, salad(glue));
      expect(graded.score, glue.join(",")).toBeLessThanOrEqual(weak);
      expect(graded.flags.map((f) => f.kind)).toContain("keyword-list");
    }
  });

  it("a labelled run of verb phrases is a plan and earns its key points", () => {
    const plan =
      "Failover: wait for a missed heartbeat, hold a leader election with a quorum, fence the old primary, replay the write-ahead log.";
    const graded = gradeOne(pack, plan);
    expect(graded.flags).toEqual([]);
    expect(graded.criterion.score).toBeGreaterThan(0);
  });
});

describe("what a run of verb phrases must be to state a plan", () => {
  const termWords = new Set(TERMS.flatMap((t) => t.split(/[ -]/)));
  const states = (text: string) => claimSentences(analyse(text), (w) => termWords.has(w)).size > 0;

  it("each phrase opens with its own verb and holds its names apart with glue", () => {
    expect(
      states("Recovery: replay the write-ahead log from the checkpoint, promote the replica with least replica lag, fence the old leader."),
    ).toBe(true);
  });

  it("one verb repeated over the terms is a template, and a verb before a run of names is a bag", () => {
    expect(states("Recovery: use write-ahead log, use checkpoint, use replica lag, use fencing, use quorum, use snapshot.")).toBe(false);
    expect(states("Recovery: replay write-ahead log checkpoint snapshot fsync, promote replica lag quorum heartbeat fencing.")).toBe(false);
  });
});
