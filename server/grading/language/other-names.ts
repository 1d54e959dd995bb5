import { adjectivesPertainingTo, sensesOf, synset, type Synset } from "./wordnet.js";

/**
 * World knowledge a reader uses on names: a named thing (a WordNet instance, such as a country or
 * a person) is also said by its other one-word names ("UK" for "Britain", "FDR" for "Roosevelt"),
 * and a named place by the named parts of the same kind it is made of ("England", "Scotland" for
 * "Britain": countries of a country, which people say one for the other). A part of another kind
 * never stands for the whole: a city ("London", "Houston") is not its country or state. The
 * adjective of each name says it too ("British rule", "English rule"). Common
 * nouns get nothing here: a part of a thing is not the thing ("wheel" is not "car").
 */
export function otherNames(lemma: string): Set<string> {
  const out = new Set<string>();
  for (const { pos, offsets } of sensesOf(lemma)) {
    if (pos !== "noun") continue;
    for (const offset of offsets) {
      const s = synset(pos, offset);
      if (!isInstance(s.pointers)) continue;
      const names = [...s.words];
      for (const p of s.pointers) {
        if (p.symbol !== "%p") continue;
        const part = synset(p.pos, p.offset);
        if (isInstance(part.pointers) && sameKind(kinds(part), kinds(s))) names.push(...part.words);
      }
      for (const name of names) {
        add(out, name);
        // The adjective of a place of that name: "British" (of Great Britain), "English" (of England).
        for (const sense of sensesOf(name).find((x) => x.pos === "noun")?.offsets ?? [])
          if (isInstance(synset("noun", sense).pointers)) for (const adjective of adjectivesPertainingTo(sense)) add(out, adjective);
      }
    }
  }
  out.delete(lemma);
  return out;
}

/** What a named thing is, two steps up: "England" is a European country, a country. */
function kinds(s: Synset): Set<string> {
  const out = new Set<string>();
  let at: Synset | undefined = s;
  for (let step = 0; step < 2 && at; step++) {
    const up: Synset["pointers"][number] | undefined = at.pointers.find((p) => p.symbol === "@i" || p.symbol === "@");
    at = up ? synset(up.pos, up.offset) : undefined;
    if (at) out.add(at.words[0]!);
  }
  return out;
}
const sameKind = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));

const isInstance = (pointers: { symbol: string }[]) => pointers.some((p) => p.symbol === "@i");

/** Single plain words only: answers are matched word by word. */
function add(out: Set<string>, word: string) {
  if (/^[a-z]{2,}$/.test(word)) out.add(word);
}
