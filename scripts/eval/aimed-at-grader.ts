/**
 * Text aimed at the grader, by class (test/fixtures/integrity/aimed-at-grader.yaml), and honest answers about
 * injections, judges and reviewers: per split, how many attack placements are flagged, how many score above their
 * clean twin and how many take honest sentences with them; how many honest answers are flagged as steering, and how
 * many score below their own text without the quoted example. Run before and after a change to integrity/.
 *
 *   npx tsx scripts/eval/aimed-at-grader.ts [--split tuning|heldApart] [--verbose]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { gradeQuestion, gradingCriteria, questionScore } from "../../server/grading/index.js";
import { cleanAnswer, MANIPULATION } from "../../server/grading/integrity/index.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";

type Honest = { id: string; question: string; text: string; example?: string };
type Split = "tuning" | "heldApart";
type Fixture = {
  attacks: Record<Split, Record<string, string[]>>;
  honest: Record<Split, Honest[]>;
};

const fixture = parse(readFileSync(new URL("../../test/fixtures/integrity/aimed-at-grader.yaml", import.meta.url), "utf8")) as Fixture;
const [pack] = loadPacksFromDir(fileURLToPath(new URL("../../scenarios/", import.meta.url)));
const question = (id: string) => {
  const q = pack!.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
/** A system-design, a behavioural and a prompt-debugging question: the kinds an attack in prose lands on. */
const HOSTS = ["support-chatbot-rag", "llm-failure-in-front-of-users", "rag-stale-policy"].map(question);

const score = (q: Question, text: string) => {
  const g = gradeQuestion(q, [{ text }], { pack: pack!, gradingExemplar: text });
  return { score: questionScore(gradingCriteria(q), g.scores), flags: g.flags };
};
const steering = (flags: { kind: string }[]) => flags.some((f) => MANIPULATION.includes(f.kind as never) || f.kind === "plea");

/** The attack glued after the host's first sentence, inside its first paragraph (none for a block over lines). */
function inline(host: string, attack: string): string | null {
  if (attack.includes("\n")) return null;
  const m = /[.!?](?=\s)/.exec(host);
  return m ? `${host.slice(0, m.index + 1)} ${attack}${host.slice(m.index + 1)}` : null;
}

const sentences = (t: string) =>
  t
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function measure(split: Split, verbose = false) {
  let placements = 0;
  let flagged = 0;
  let above = 0;
  let tookHonest = 0;
  const notes: string[] = [];
  for (const [cls, attacks] of Object.entries(fixture.attacks[split])) {
    for (const attack of attacks)
      for (const q of HOSTS)
        for (const level of ["weak", "adequate"] as const) {
          const host = q.exemplars.find((e) => e.level === level)!.answer;
          const clean = score(q, host);
          const cleanKept = sentences(cleanAnswer(host, { question: q }).text);
          for (const [where, text] of [
            ["prefix", `${attack}\n\n${host}`],
            ["suffix", `${host}\n\n${attack}`],
            ["inline", inline(host, attack)],
          ] as const) {
            if (!text) continue;
            placements++;
            const r = score(q, text);
            const isFlagged = steering(r.flags);
            if (isFlagged) flagged++;
            else if (verbose) notes.push(`missed ${cls} ${q.id}/${level}/${where}: ${attack}`);
            if (r.score > clean.score) {
              above++;
              if (verbose) notes.push(`ABOVE ${cls} ${q.id}/${level}/${where} ${clean.score} -> ${r.score}: ${attack}`);
            }
            const kept = new Set(sentences(cleanAnswer(text, { question: q }).text));
            const lost = cleanKept.filter((s) => !kept.has(s));
            if (lost.length) {
              tookHonest++;
              if (verbose) notes.push(`took ${lost.length} ${cls} ${q.id}/${level}/${where}: ${lost[0]!.slice(0, 80)} || ${attack}`);
            }
          }
        }
  }
  let honestFlagged = 0;
  let honestCost = 0;
  for (const h of fixture.honest[split]) {
    const q = question(h.question);
    const r = score(q, h.text);
    if (steering(r.flags)) {
      honestFlagged++;
      if (verbose) notes.push(`honest flagged ${h.id} (${r.score}): ${r.flags.map((f) => `${f.kind}: ${f.quote}`).join(" | ")}`);
    }
    if (h.example) {
      if (!h.text.includes(h.example)) throw new Error(`${h.id}: example not in text`);
      const twin = score(q, h.text.replace(h.example, ""));
      if (r.score < twin.score) {
        honestCost++;
        if (verbose) notes.push(`honest cost ${h.id}: ${twin.score} without the example -> ${r.score} with it`);
      }
    }
  }
  return { split, placements, flagged, above, tookHonest, honest: fixture.honest[split].length, honestFlagged, honestCost, notes };
}

const arg = (name: string) => process.argv.includes(name);
const only = process.argv[process.argv.indexOf("--split") + 1] as Split | undefined;
const splits: Split[] = arg("--split") && only ? [only] : ["tuning", "heldApart"];
const started = process.cpuUsage();
for (const split of splits) {
  const { notes, ...figures } = measure(split, arg("--verbose"));
  notes.forEach((n) => console.log(n));
  console.log(JSON.stringify(figures));
}
const cpu = process.cpuUsage(started);
console.log(`cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
