import { readFileSync } from "node:fs";
import type { Pack } from "../../scenarios/index.js";
import { packIndex } from "../pack-index.js";

/**
 * The words of the domain at large: every content lemma the built-in AI-engineer pack's prompts and model answers use
 * (some 3,300, read by the same features as a pack's own vocabulary), written out by `npm run domain-words` to
 * domain-words.txt beside this file. A team's own pack of seven questions names a few hundred words: too few to tell a
 * word its answers would never need ("leverage", "marmalade") from one its questions happened not to use ("retry",
 * "batch"). Joined to the pack's own words, the domain's are the measure any pack is read against
 * (off-domain-words.ts). A test checks the file against the built-in pack.
 */
export const DOMAIN_WORDS_FILE = new URL("./domain-words.txt", import.meta.url);

let words: ReadonlySet<string> | null = null;
export function domainWords(): ReadonlySet<string> {
  words ??= new Set(readFileSync(DOMAIN_WORDS_FILE, "utf8").split("\n").filter(Boolean));
  return words;
}

/** The lines of domain-words.txt for a pack: its vocabulary's lemmas, denials and word pairs aside, sorted. */
export function domainWordLines(pack: Pack): string {
  const lemmas = [...packIndex(pack).idf.df.keys()].filter((k) => !k.includes(">") && !k.startsWith("not_"));
  return `${[...new Set(lemmas)].sort().join("\n")}\n`;
}
