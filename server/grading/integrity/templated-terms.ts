import type { Question } from "../../scenarios/index.js";
import { analyse, questionTerms, sentenceTemplates } from "../language/index.js";
import { findTerm } from "../match.js";
import { keyPointsNamed, relatesLikeKeyPoint, relationWords } from "../term-relations.js";

/** A word said in this many of a template's fillings is the template's own ("stays", "keeps", "catch"). */
const FRAME_WORD_SENTENCES = 3;

/**
 * Template nonsense: the question's terms poured into one grammatical frame, sentence after sentence, paired
 * at random ("A guardrail filters cost per resolved conversation to catch regressions early (case 4). The
 * reranker batches the eval set to keep p95 latency low (case 7)."). Each sentence parses, names two or
 * three key points and, before this check, earned them all.
 *
 * A template (sentences sharing one skeleton, language/sentence-template.ts) keeps its evidence when at
 * least half its fillings relate a key point they name the way the question's own texts state that point
 * (term-relations.ts), the template's frame words aside, or when most of its fillings name one key point
 * each (a list in one shape, left to the list rules): honest steps and tables relate their terms, each in
 * its own words. A template that pairs key points and mostly relates nothing counts once: its first filling
 * stands, the rest are removed. When such fillings make up half or more of the sentences that name a term,
 * the answer is template stuffing throughout and nothing in it is read.
 *
 * Returns the text without the removed sentences, and the removed sentences for the flag.
 */
export function withoutTemplatedTerms(question: Question, text: string): { text: string; removed: string[] } {
  const a = analyse(text);
  const isTerm = questionTerms(question);
  const { templated, groupOf, termSentences } = sentenceTemplates(a, isTerm, termMask(question, text));
  if (!templated.length) return { text, removed: [] };
  // The frame's own words are said in filling after filling: they relate nothing to anything.
  const said = new Map<string, number>();
  for (const i of templated) for (const w of relationWords(a, i, isTerm)) said.set(w, (said.get(w) ?? 0) + 1);
  const frame = new Set([...said].filter(([, n]) => n >= FRAME_WORD_SENTENCES).map(([w]) => w));
  const groups = new Map<number, number[]>();
  for (const i of templated) {
    const members = groups.get(groupOf.get(i)!);
    if (members) members.push(i);
    else groups.set(groupOf.get(i)!, [i]);
  }
  // A template whose fillings mostly pair two or more key points and mostly relate none of them as the key
  // points are stated is nonsense throughout, whichever of its fillings a shared word happens to attest. A
  // list of one point per line in one shape ("Firstly, to support billions of end-systems. Secondly, to
  // reduce routing tables.") pairs nothing: it is a list, read as one (claims.ts).
  const nonsense = [...groups.values()].filter(
    (members) =>
      members.filter((i) => keyPointsNamed(question, a, i) >= 2).length * 2 >= members.length &&
      members.filter((i) => relatesLikeKeyPoint(question, a, i, frame)).length * 2 < members.length,
  );
  if (!nonsense.length) return { text, removed: [] };
  const inNonsense = nonsense.reduce((n, members) => n + members.length, 0);
  // Such a template counts once (its first filling stands), unless its fillings make up half or more of the
  // sentences naming a term: then the answer is template stuffing throughout and nothing in it is read (as
  // with a frame repeated word for word, language/claims.ts). Reading on would let through the fillings the
  // tagger read differently from their mates, and the few a shared word attests by chance.
  if (inNonsense * 2 >= termSentences)
    return {
      text: "",
      removed: nonsense
        .flat()
        .sort((x, y) => x - y)
        .map((i) => a.sentences[i]!.text),
    };
  const drop = nonsense.flatMap((members) => members.slice(1)).sort((x, y) => x - y);
  let out = "";
  let from = 0;
  for (const i of drop) {
    const s = a.sentences[i]!;
    out += text.slice(from, s.start);
    from = s.end;
  }
  out += text.slice(from);
  return { text: out, removed: drop.map((i) => a.sentences[i]!.text) };
}

/**
 * Which characters of the text lie inside one of the question's terms, so a multi-word term is one slot of a
 * template ("cost per request" brings no "per"). One pass per term over the text.
 */
function termMask(question: Question, text: string): (at: number) => boolean {
  const lower = text.toLowerCase();
  const inside = new Uint8Array(text.length + 1);
  for (const criterion of question.rubric) {
    for (const concept of criterion.evidence.concepts) {
      for (const term of concept.terms) {
        if (!/\s/.test(term.trim())) continue;
        for (let at = findTerm(lower, term); at >= 0; at = findTerm(lower, term, { from: at + 1 })) inside.fill(1, at, at + term.length);
      }
    }
  }
  return (at) => inside[at] === 1;
}
