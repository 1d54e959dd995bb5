import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/coverage.js";
import { features } from "../../server/grading/language/similarity.js";
import { gradeOne, keyPointCriterion, oneCriterionPack } from "../helpers/one-criterion.js";

const criterion = keyPointCriterion({
  criterionId: "serving",
  criterionTitle: "Serving design",
  description: "Caches, reranks, limits the agent's steps, watches memory and re-embeds changed documents.",
  concepts: [
    { label: "semantic cache", terms: ["cache", "caching"] },
    { label: "reranker", terms: ["reranker", "re-rank"] },
    { label: "step limit", terms: ["step limit", "max steps"] },
    { label: "memory budget", terms: ["memory", "quantis"] },
    { label: "re-embed changed documents", terms: ["re-embed", "changed documents"] },
    { label: "canary release", terms: ["canary"] },
  ],
});
const shown = (text: string) => conceptCoverage(criterion, text, { prose: true }).hits.map((h) => h.label);
const words = (text: string) => features(text).filter((f) => !f.includes(">"));

describe("a key point the answer dismisses earns nothing", () => {
  it.each([
    // A dismissive predicate said of the point: its subject.
    "A step limit isn't necessary here because the tools are cheap.",
    "The reranker is not needed for a corpus this small.",
    "Memory is not a concern on these machines.",
    "Memory isn't really an issue for a million vectors.",
    "A reranker is overkill for this workload.",
    "Caching is a waste of effort with traffic this varied.",
    "Caching is not worth it for this traffic.",
    "Adding a reranker is pointless when recall is already high.",
    "Memory doesn't matter much on the new hardware.",
    "A reranker is not the answer to poor recall.",
    "Caching and a reranker are unnecessary for an internal tool.",
    // A word that dismisses the phrase after it: its object.
    "There's no need for a reranker in the first version.",
    "There is no need to re-embed anything for this release.",
    "Don't bother with caching, the questions rarely repeat.",
    "We can ditch the reranker once the embeddings improve.",
  ])("%s", (text) => {
    expect(shown(text)).toEqual([]);
  });

  it("similarity reads a dismissed subject as denied", () => {
    expect(words("A reranker is overkill for this workload.")).toContain("not_reranker");
    expect(words("Memory is not a concern on these machines.")).toContain("not_memory");
  });
});

describe("honest sentences keep their credit", () => {
  it.each([
    // A stated need is no dismissal, nor a double negative, nor "not only".
    ["A reranker is necessary because the first stage is noisy.", ["reranker"]],
    ["Memory is the main concern at this scale, so quantise the vectors.", ["memory budget"]],
    ["A reranker is not unnecessary here, whatever the latency.", ["reranker"]],
    ["Caching is not only useful here but necessary.", ["semantic cache"]],
    // "not X, only Y" corrects X with Y.
    ["We don't need to re-embed everything, only the changed documents.", ["re-embed changed documents"]],
    // An absence that is a condition argues for the thing.
    ["Without a step limit the agent can loop forever, so add one.", ["step limit"]],
    ["Without a canary, a bad release reaches every user at once.", ["canary release"]],
    // The dismissal reaches its own clause and subject only.
    ["The reranker is not needed, but caching the answers saves a lot.", ["semantic cache"]],
    ["With caching in place, a reranker is overkill.", ["semantic cache"]],
    // A verb of need denies its object, not its subject.
    ["The reranker doesn't need a GPU at this volume.", ["reranker"]],
    ["Memory does not require a bigger machine once you quantise.", ["memory budget"]],
  ])("%s", (text, labels) => {
    expect(shown(text)).toEqual(labels);
  });

  it.each([
    // A refusal still refuses where the absence is the plan itself.
    "We ship without a canary to save time.",
    "The agent runs without a step limit in our design.",
  ])("a planned absence still denies: %s", (text) => {
    expect(shown(text)).toEqual([]);
  });
});

describe("an option named only as a drawback, set against the alternative, is not recommended", () => {
  const choice = keyPointCriterion({
    criterionId: "knowledge",
    criterionTitle: "Where the knowledge lives",
    description: "Recommends retrieval for changing documents, with the trade-offs of latency.",
    concepts: [
      { label: "use retrieval", terms: ["retriev", "rag"] },
      { label: "latency trade-off", terms: ["latency"] },
      { label: "HNSW graph index", terms: ["hnsw"] },
    ],
  });
  const found = (text: string) => conceptCoverage(choice, text, { prose: true }).hits.map((h) => h.label);

  it.each([
    ["Retrieval adds latency and misses passages, whereas a tuned model answers from its weights.", ["latency trade-off"]],
    ["Retrieval is slow, while a fine-tuned model is instant.", []],
    ["Unlike a fine-tuned model, retrieval can miss the relevant clause.", []],
  ])("%s", (text, labels) => {
    expect(found(text)).toEqual(labels);
  });

  it.each([
    // A concession: nothing else is set against it.
    ["Retrieval adds some latency, but it keeps the answers fresh.", ["use retrieval", "latency trade-off"]],
    ["Retrieval adds a little latency while keeping the answers fresh.", ["use retrieval", "latency trade-off"]],
    // A later recommendation counts.
    ["Retrieval adds latency, whereas fine-tuning bakes in facts that go stale. So use RAG.", ["use retrieval", "latency trade-off"]],
    // A comparison point (no order in its label) is stated by the comparison.
    ["HNSW is slower to build, whereas IVF trains in minutes.", ["HNSW graph index"]],
  ])("%s", (text, labels) => {
    expect(found(text)).toEqual(labels);
  });
});

describe("end to end: a dismissed key point costs its level", () => {
  const pack = oneCriterionPack({
    prompt: "An agent can resize and delete cloud resources. How do you keep its loop safe?",
    description: "Approval for destructive actions and a step limit.",
    concepts: [
      { label: "human approval", terms: ["approval", "confirm"] },
      { label: "step limit", terms: ["step limit", "max steps"] },
    ],
    exemplars: [
      { level: "strong", answer: "Destructive calls need human approval, and a step limit of ten stops runaway loops.", score: 4 },
      { level: "weak", answer: "Tell the model to be careful.", score: 1 },
    ],
  });

  it("the same words with the point dismissed score below the point stated", () => {
    const stated = gradeOne(pack, "Deletes need human approval. A step limit of ten stops runaway loops.");
    const dismissed = gradeOne(pack, "Deletes need human approval. A step limit isn't necessary since approval already stops loops.");
    expect(stated.criterion.evidence.map((e) => e.note)).toContain("step limit");
    expect(dismissed.criterion.evidence.map((e) => e.note)).not.toContain("step limit");
    expect(dismissed.score).toBeLessThan(stated.score);
  });
});
