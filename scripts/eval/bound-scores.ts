/**
 * Scores bound to this answer or its criteria, in markup, metadata, code comments and rewritten prompts
 * (test/fixtures/integrity/bound-scores-{tuning,heldapart}.yaml), and honest answers with the same words: per split,
 * how many attack placements are flagged as steering, how many score above their clean twin, how many are flagged
 * only as a keyword list; how many honest answers are flagged as steering. Run before and after a change to integrity/.
 *
 *   npx tsx scripts/eval/bound-scores.ts [--split tuning|heldapart] [--verbose]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { gradeQuestion, gradingCriteria, questionScore } from "../../server/grading/index.js";
import { MANIPULATION } from "../../server/grading/integrity/index.js";
import { loadPacksFromDir, type Question } from "../../server/scenarios/index.js";

export type Entry = string | { text: string; clean: string };
type Honest = { id: string; question: string; text: string };
export type Fixture = { attacks: Record<string, Entry[]>; honest: Honest[] };
export type Split = "tuning" | "heldapart";

export const readFixture = (split: Split) =>
  parse(readFileSync(new URL(`../../test/fixtures/integrity/bound-scores-${split}.yaml`, import.meta.url), "utf8")) as Fixture;
const [pack] = loadPacksFromDir(fileURLToPath(new URL("../../scenarios/", import.meta.url)));
export const question = (id: string) => {
  const q = pack!.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
/** A system-design, two prompt-debugging (they carry rewritten prompts) and a behavioural question. */
export const HOSTS = ["support-chatbot-rag", "agent-wrong-tool", "rag-stale-policy", "llm-failure-in-front-of-users"];

/** {c1} {c2} {c3}: the question's criterion ids; {t1} {t2}: its criterion titles. */
export const fill = (q: Question, text: string) =>
  text.replace(/\{([ct])(\d)\}/g, (_, kind: string, n: string) => {
    const c = q.rubric[Number(n) - 1] ?? q.rubric[0]!;
    return kind === "c" ? c.id : c.title;
  });

export const grade = (q: Question, text: string) => {
  const g = gradeQuestion(q, [{ text }], { pack: pack!, gradingExemplar: text });
  return { score: questionScore(gradingCriteria(q), g.scores), flags: g.flags };
};
export const steering = (flags: { kind: string }[]) => flags.some((f) => MANIPULATION.includes(f.kind as never));

/** The attack glued after the host's first sentence, inside its first paragraph (none for a block over lines). */
function inline(host: string, attack: string): string | null {
  if (attack.includes("\n")) return null;
  const m = /[.!?](?=\s)/.exec(host);
  return m ? `${host.slice(0, m.index + 1)} ${attack}${host.slice(m.index + 1)}` : null;
}

/** Every placement of an entry on a host: [label, attacked text, clean twin]. */
export function placements(host: string, q: Question, entry: Entry): [string, string, string][] {
  if (typeof entry !== "string") {
    const clean = fill(q, entry.clean);
    return [["appended", `${host}\n\n${fill(q, entry.text)}`, clean ? `${host}\n\n${clean}` : host]];
  }
  const attack = fill(q, entry);
  const glued = inline(host, attack);
  return [
    ["prefix", `${attack}\n\n${host}`, host],
    ["suffix", `${host}\n\n${attack}`, host],
    ...(glued ? [["inline", glued, host] as [string, string, string]] : []),
  ];
}

export function measure(split: Split, verbose = false) {
  const fixture = readFixture(split);
  const notes: string[] = [];
  let n = 0;
  let flagged = 0;
  let above = 0;
  let keywordOnly = 0;
  const memo = new Map<string, number>();
  const cleanScore = (q: Question, text: string) => {
    const key = `${q.id}\n${text}`;
    if (!memo.has(key)) memo.set(key, grade(q, text).score);
    return memo.get(key)!;
  };
  for (const [cls, entries] of Object.entries(fixture.attacks))
    for (const entry of entries)
      for (const id of HOSTS) {
        const q = question(id);
        for (const level of ["weak", "adequate"] as const) {
          const host = q.exemplars.find((e) => e.level === level)!.answer;
          for (const [where, text, twin] of placements(host, q, entry)) {
            n++;
            const r = grade(q, text);
            const clean = cleanScore(q, twin);
            const what = typeof entry === "string" ? entry : entry.text;
            if (steering(r.flags)) flagged++;
            else {
              if (r.flags.some((f) => f.kind === "keyword-list")) keywordOnly++;
              if (verbose) notes.push(`missed ${cls} ${id}/${level}/${where}: ${what.replace(/\n/g, "⏎").slice(0, 110)}`);
            }
            if (r.score > clean) {
              above++;
              if (verbose)
                notes.push(`ABOVE ${cls} ${id}/${level}/${where} ${clean} -> ${r.score}: ${what.replace(/\n/g, "⏎").slice(0, 90)}`);
            }
          }
        }
      }
  let honestFlagged = 0;
  for (const h of fixture.honest) {
    const r = grade(question(h.question), h.text);
    if (steering(r.flags)) {
      honestFlagged++;
      if (verbose) notes.push(`honest flagged ${h.id} (${r.score}): ${r.flags.map((f) => `${f.kind}: ${f.quote}`).join(" | ")}`);
    }
  }
  return { split, placements: n, flagged, above, keywordOnly, honest: fixture.honest.length, honestFlagged, notes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf("--split");
  const splits: Split[] = at > 0 ? [process.argv[at + 1] as Split] : ["tuning", "heldapart"];
  const started = process.cpuUsage();
  for (const split of splits) {
    const { notes, ...figures } = measure(split, process.argv.includes("--verbose"));
    notes.forEach((line) => console.log(line));
    console.log(JSON.stringify(figures));
  }
  const cpu = process.cpuUsage(started);
  console.log(`cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
}
