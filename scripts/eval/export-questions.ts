// The questions of a public set, without any student answer or label: what a hiring team
// reads to write a pack by hand (docs/scenario-format.md "Writing a question from an answer key").
//   npx tsx scripts/eval/export-questions.ts <beetle|saf|powergrading> <dir> > questions.json
// Each question's id is the slug the evaluation matches pack questions by (author-pack.ts).
import { slug } from "./author-pack.js";
import { LOADERS } from "./loaders.js";

const [name = "", path] = process.argv.slice(2);
const load = LOADERS[name];
if (!load || !path) {
  console.error(`usage: npx tsx scripts/eval/export-questions.ts <${Object.keys(LOADERS).join("|")}> <dataset path>`);
  process.exit(2);
}
const questions = new Map<string, { id: string; question: string; references: string[] }>();
for (const item of load(path)) {
  const id = slug(item.questionId);
  // Only the question's own fields are copied: answers and labels stay behind.
  if (!questions.has(id)) questions.set(id, { id, question: item.question, references: item.references });
}
console.log(JSON.stringify([...questions.values()], null, 2));
