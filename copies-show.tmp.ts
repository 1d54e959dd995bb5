import { loadPacksFromDir } from "./server/scenarios/index.js";
const [pack] = loadPacksFromDir("scenarios");
for (const id of process.argv.slice(2)) {
  const q = pack!.questions.find((x) => x.id === id)!;
  console.log(`=== ${id} (${q.kind})\n${q.prompt}\n--- criteria: ${q.rubric.map((c) => c.id + ": " + c.evidence.concepts.map((k) => k.label).join(" / ")).join("\n  ")}\n--- strong:\n${q.exemplars.find((e) => e.level === "strong")!.answer}\n`);
}
