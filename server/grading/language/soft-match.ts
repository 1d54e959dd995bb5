import { cosine, rankOf } from "./embeddings.js";
import { sensesOf, synset, type Synset, type WordnetPos } from "./wordnet.js";

/**
 * A paraphrase read from word vectors: an answer word close in meaning to a
 * reference word ("England" for "Britain", "broken" for "damaged"). Vectors
 * put a word next to the words used in the same places, and those include its
 * opposites and rivals ("increase" / "decrease" 0.88, "same" / "different"
 * 0.80, "TCP" / "UDP" 0.64, above most true paraphrases), so closeness alone is
 * never enough: a pair WordNet records as opposites, or as sisters (two kinds
 * of the same thing: "stack" and "queue", "series" and "parallel"), is a
 * contrast, not a paraphrase. What is left still earns only a share of the
 * word's weight, and only in similarity (never a key point): a wrong match
 * moves a score by a fraction of one word.
 */
export type Soft = { threshold: number; share: number; rare: number; linked?: boolean };
const fromEnv = process.env.GRADER_SOFT;
/** Chosen on the tuning splits (docs/grading.md); the environment override is for that measurement only. */
export const SOFT: Soft | null =
  fromEnv === undefined
    ? { threshold: 0.5, share: 0.5, rare: 500 }
    : fromEnv === "none"
      ? null
      : {
          threshold: Number(fromEnv.split(",")[0]),
          share: Number(fromEnv.split(",")[1] ?? 0.5),
          rare: Number(fromEnv.split(",")[2] ?? 500),
          linked: fromEnv.split(",")[3] !== "free",
        };

const PLAIN = /^[a-z]{3,}$/;
const verdicts = new Map<string, boolean>();

/** Whether `said` (an answer's lemma) paraphrases `word` (a reference's lemma): close vectors and no recorded contrast. */
export function paraphrases(word: string, said: string, soft: Soft): boolean {
  if (word === said || !PLAIN.test(word) || !PLAIN.test(said)) return false;
  // The most frequent words ("same", "other", "one", "still", "state") are used in so many frames that their
  // vectors sit close to every other frequent word: they are matched as words, never by vector.
  const rw = rankOf(word);
  const rs = rankOf(said);
  if (rw === null || rs === null || rw < soft.rare || rs < soft.rare) return false;
  const c = cosine(word, said);
  if (c === null || c < soft.threshold) return false;
  const key = word < said ? `${word}|${said}` : `${said}|${word}`;
  let ok = verdicts.get(key);
  if (ok === undefined) {
    ok = (soft.linked === false || related(word, said)) && !contrasted(word, said);
    verdicts.set(key, ok);
  }
  return ok;
}

/**
 * Pointers that keep a meaning or name a part, a whole, a kind or a case of it: hypernym and hyponym
 * (instances too), the three holonyms and meronyms ("England" for "Britain"), similar-to and also-see
 * (adjectives), derivation and pertainym. Antonyms ("!") and the rest are not followed. A more general
 * word counts too ("legislature" for "Congress"): it earns half a word in similarity, never a key point.
 * (Only the direction "a kind or a part of the reference word" was measured as well: it lost most of
 * the gain on the held-out set, docs/grading.md.)
 */
const KEEPS = new Set(["@", "@i", "~", "~i", "#m", "#s", "#p", "%m", "%s", "%p", "&", "^", "+", "\\"]);
const neighbourhoods = new Map<string, Set<string>>();
/**
 * Only the senses of things and qualities (nouns, adjectives) link: a verb has many loose senses in WordNet
 * ("call" ~ "expect", "add" ~ "create"), and adverbs trade too freely ("therefore" ~ "thus" ~ "so").
 */
const named = (s: { pos: WordnetPos }) => s.pos === "noun" || s.pos === "adj";

/** The words of a word's noun and adjective synsets (every sense) and of those one KEEPS pointer away. */
function neighbourhood(word: string): Set<string> {
  let out = neighbourhoods.get(word);
  if (out) return out;
  out = new Set<string>();
  for (const s of synsetsOf(word).filter(named)) {
    for (const w of s.words) out.add(w);
    for (const p of s.pointers) if (KEEPS.has(p.symbol) && named(p)) for (const w of synset(p.pos, p.offset).words) out.add(w);
  }
  neighbourhoods.set(word, out);
  return out;
}

/**
 * WordNet links the two words: one is in the other's neighbourhood, or in that of one of its
 * derivational relatives ("legislative" -> "legislature", of which "Congress" is a kind).
 */
function related(a: string, b: string): boolean {
  if (neighbourhood(a).has(b) || neighbourhood(b).has(a)) return true;
  const viaRelative = (x: string, y: string) =>
    synsetsOf(x)
      .filter(named)
      .some((s) =>
        s.pointers.some(
          (p) =>
            (p.symbol === "+" || p.symbol === "\\") &&
            named(p) &&
            synset(p.pos, p.offset).words.some((r) => r !== x && neighbourhood(r).has(y)),
        ),
      );
  return viaRelative(a, b) || viaRelative(b, a);
}

/** Opposites (WordNet antonyms, also through an adjective's head) or sisters (a shared direct hypernym). */
function contrasted(a: string, b: string): boolean {
  return opposites(a, b) || opposites(b, a) || (sisters(a, b) && !partOf(a, b) && !partOf(b, a));
}

/** A part named for its whole or a kind for its kind ("England" for "Britain"): one hop of WordNet's part and kind links. */
function partOf(a: string, b: string): boolean {
  return nounSenses(a).some((s) =>
    s.pointers.some(
      (p) => (p.symbol.startsWith("#") || p.symbol.startsWith("%") || isHypernym(p)) && synset("noun", p.offset).words.includes(b),
    ),
  );
}

function synsetsOf(word: string): Synset[] {
  return sensesOf(word).flatMap(({ pos, offsets }) => offsets.map((o) => synset(pos, o)));
}

const linked = (s: Synset, symbol: string) =>
  s.pointers.filter((p) => p.symbol === symbol).map((p) => synset(p.pos as WordnetPos, p.offset));

function opposites(a: string, b: string): boolean {
  for (const s of synsetsOf(a)) {
    // A satellite adjective ("shut") has its opposite on its head ("closed" / "open"), a kind of act
    // on its kind ("reduce" is a way to "decrease", the opposite of "increase").
    const heads = [s, ...linked(s, "&"), ...linked(s, "@")];
    for (const h of heads)
      for (const anti of linked(h, "!")) if (anti.words.includes(b) || linked(anti, "&").some((x) => x.words.includes(b))) return true;
  }
  return false;
}

/**
 * Two nouns whose frequent senses share a hypernym one or two levels up, and no sense in common:
 * two kinds of one thing ("cat" and "dog" are both carnivores).
 */
function sisters(a: string, b: string): boolean {
  const nounsA = nounSenses(a);
  const nounsB = nounSenses(b);
  if (!nounsA.length || !nounsB.length) return false;
  if (nounsA.some((s) => s.words.includes(b))) return false;
  const above = (senses: Synset[]) => {
    const one = senses.flatMap((s) => s.pointers.filter(isHypernym));
    const two = one.flatMap((p) => synset("noun", p.offset).pointers.filter(isHypernym));
    return new Set([...one, ...two].map((p) => p.offset));
  };
  const parents = above(nounsA);
  return [...above(nounsB)].some((o) => parents.has(o));
}

const nounSenses = (word: string) =>
  sensesOf(word)
    .filter((x) => x.pos === "noun")
    .flatMap(({ offsets }) => offsets.slice(0, 2).map((o) => synset("noun", o)));
const isHypernym = (p: Synset["pointers"][number]) => p.symbol === "@" || p.symbol === "@i";
