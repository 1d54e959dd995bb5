import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/index.js";
import { wordFamily } from "../../server/grading/language/index.js";
import { otherNames } from "../../server/grading/language/other-names.js";
import { singleTermCriterion } from "../helpers/one-criterion.js";

const criterion = singleTermCriterion;
const shown = (terms: string[], answer: string) => conceptCoverage(criterion(...terms), answer).hits.map((h) => h.label);

describe("names of the same named thing", () => {
  it("reads another name of a named place or person as the term", () => {
    expect(shown(["britain"], "They broke away from the UK.")).toEqual(["britain"]);
    expect(shown(["roosevelt"], "FDR was president then.")).toEqual(["roosevelt"]);
  });

  it("reads a named region the place is made of as the place, never a city in it", () => {
    expect(shown(["britain"], "It declared independence from England.")).toEqual(["britain"]);
    expect(shown(["britain"], "The army came from Scotland.")).toEqual(["britain"]);
    expect(otherNames("britain").has("london")).toBe(false);
    expect(shown(["england"], "The king lived in London.")).toEqual([]);
    expect(shown(["texas"], "Houston is a large city.")).toEqual([]);
  });

  it("reads the adjective of a named place as the place", () => {
    expect(shown(["britain"], "They separated the colonies from British rule.")).toEqual(["britain"]);
    expect(shown(["britain"], "They detached the colonies from English rule.")).toEqual(["britain"]);
    expect(shown(["mexico"], "The Mexican army lost.")).toEqual(["mexico"]);
    // Not the other way round, and not for a city's kind: "English" says England, not every place in it.
    expect(shown(["london"], "English food.")).toEqual([]);
  });

  it("gives common nouns nothing: a part of a thing is not the thing", () => {
    expect(otherNames("car").size).toBe(0);
    expect(otherNames("computer").size).toBe(0);
    expect(shown(["car"], "The wheel turns.")).toEqual([]);
    expect(shown(["server"], "The client sends a request.")).toEqual([]);
  });
});

describe("derivational siblings that share a stem", () => {
  it("reads a word formed from the same root with the same stem as the term", () => {
    expect(shown(["judicial"], "The judiciary interprets laws.")).toEqual(["judicial"]);
    expect(shown(["judiciary"], "The judicial branch.")).toEqual(["judiciary"]);
    expect(wordFamily("judicial").has("judiciary")).toBe(true);
  });

  it("keeps apart siblings whose shared letters are only the root's", () => {
    // "executioner" and "executive" both come from "execute", which has all their shared letters.
    expect(shown(["executive"], "The executioner was delayed.")).toEqual([]);
    expect(wordFamily("executive").has("executioner")).toBe(false);
    expect(wordFamily("general").has("generate")).toBe(false);
  });
});

describe("a relative's participle used as an adjective", () => {
  it("reads the participle of a relative as the term", () => {
    expect(shown(["population"], "Some states are more populated.")).toEqual(["population"]);
  });

  it("keeps polarity and stays within WordNet's relatives", () => {
    expect(shown(["population"], "Those states are not populated.")).toEqual([]);
    expect(shown(["population"], "The list is populous.")).toEqual([]);
  });
});

describe("short names that are also function words", () => {
  it("never reads a pronoun as a country's abbreviation", () => {
    expect(shown(["usa"], "They gave us freedom.")).toEqual([]);
    expect(shown(["usa"], "Troops left the US in 1812.")).toEqual(["usa"]);
  });
});

describe("adjectives that pertain to a term noun", () => {
  it("reads the noun's own adjective, and a slip of it, as the noun", () => {
    expect(shown(["congress"], "The congressional branch.")).toEqual(["congress"]);
    expect(shown(["congress"], "The congresional branch.")).toEqual(["congress"]);
  });

  it("leaves out a sense's pertainyms spelled otherwise", () => {
    expect(wordFamily("state").has("national")).toBe(false);
    expect(wordFamily("network").has("broadband")).toBe(false);
  });
});
