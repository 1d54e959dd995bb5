import type { Analysis, Token } from "./analyse.js";
import { onlyEvaluates } from "./evaluative.js";
import { labelledList, labelNotes } from "./labelled.js";
import { bareList } from "./bare-list.js";
import { comparativeNote, relatedFragments, relatesBySymbol } from "./terse-note.js";
import { templatedClauses } from "./coordinated-template.js";
import { verbPhraseNote } from "./verb-phrase-note.js";
import { buzzwordFrame } from "./buzzword-frame.js";
import { benefitFrame } from "./benefit-frame.js";
import { figureRun } from "./figure-run.js";
import { glossaryLine } from "./term-glossary.js";
import { relatesItsTerms, relatesPlainly } from "./term-density.js";
import { FRAME_GLUE as GLUE } from "./glue.js";
import { coLocatesTerms } from "./co-located.js";
import { onlyRelatesTerms } from "./unspecific.js";

/** A bracketed number, with at most one word before it: "(case 4)", "[item 7]", "(#3)", "[2]". */
const ENUMERATING_TAG = /[([]\s*(?:[a-z]+\s*)?#?\d+\s*[)\]]/gi;

/**
 * What claims.ts reads of one sentence that no claim option changes (a story, a short-answer item, a set
 * question): each reading is taken when first asked and kept. One answer is read for claims with up to three sets
 * of options (the criteria's, the similarity's, the story's), and these readings were most of each pass; every
 * one is a function of the sentence and the question's terms alone, so a kept reading is the reading.
 */
export class ClaimSentence {
  readonly tokens: Token[];
  #noted?: boolean;
  #plan?: boolean;
  #related?: boolean;
  #labelled?: boolean;
  #glossary?: boolean;
  #bare?: boolean;
  #labelNotes?: boolean;
  #figureRun?: boolean;
  #terms?: number;
  #named?: number;
  #relatesItsTerms?: boolean;
  #relatesPlainly?: boolean;
  #frameTokens?: Token[];
  #templated?: boolean;
  #onlyEvaluates?: boolean;
  #coLocates?: boolean;
  #buzzword?: boolean;
  #benefit?: boolean;
  #relatesNothing?: boolean;

  constructor(
    readonly s: Analysis["sentences"][number],
    a: Analysis,
    private readonly isTerm: (word: string) => boolean,
  ) {
    this.tokens = a.tokens.slice(s.from, s.to);
  }

  private isTermToken = (t: Token) => this.isTerm(t.word) || this.isTerm(t.lemma);

  /** A terse note relating its sides by a symbol or a comparative after a label (terse-note.ts). */
  get noted(): boolean {
    return (this.#noted ??= relatesBySymbol(this.s.text) || comparativeNote(this.s.text, this.tokens, this.s.start));
  }
  /** A run of verb phrases: a plan in the imperative (verb-phrase-note.ts). */
  get plan(): boolean {
    return (this.#plan ??= verbPhraseNote(this.s.text, this.tokens, this.s.start));
  }
  get relatedFragments(): boolean {
    return (this.#related ??= relatedFragments(this.s.text, this.tokens, this.s.start, this.isTerm));
  }
  get labelledList(): boolean {
    return (this.#labelled ??= labelledList(this.s.text));
  }
  get glossaryLine(): boolean {
    return (this.#glossary ??= glossaryLine(this.s.text));
  }
  get bareList(): boolean {
    return (this.#bare ??= bareList(this.s.text, this.tokens, this.s.start));
  }
  get labelNotes(): boolean {
    return (this.#labelNotes ??= labelNotes(this.s.text));
  }
  get figureRun(): boolean {
    return (this.#figureRun ??= figureRun(this.s.text, this.tokens));
  }
  /** How many of its tokens are the question's terms. */
  get terms(): number {
    return (this.#terms ??= this.tokens.filter(this.isTermToken).length);
  }
  /** Its terms less those that are numbers (a worked figure is a value, not the name of a key point). */
  get named(): number {
    return (this.#named ??= this.terms - this.tokens.filter((t) => t.pos === "NUM" && this.isTermToken(t)).length);
  }
  get relatesItsTerms(): boolean {
    return (this.#relatesItsTerms ??= relatesItsTerms(this.s.text, this.tokens));
  }
  get relatesPlainly(): boolean {
    return (this.#relatesPlainly ??= relatesPlainly(this.s.text, this.tokens));
  }
  /** What it says besides its terms, glue words and enumerating tags: its frame. */
  get frameTokens(): Token[] {
    if (this.#frameTokens) return this.#frameTokens;
    const { s } = this;
    const tags = [...s.text.matchAll(ENUMERATING_TAG)].map((m) => [s.start + m.index, s.start + m.index + m[0].length] as const);
    return (this.#frameTokens = this.tokens.filter(
      (t) => !this.isTermToken(t) && !GLUE.has(t.pos) && !tags.some(([from, to]) => t.at >= from && t.at < to),
    ));
  }
  get templatedClauses(): boolean {
    return (this.#templated ??= templatedClauses(this.s.text, this.tokens, this.s.start, this.isTerm));
  }
  get onlyEvaluates(): boolean {
    return (this.#onlyEvaluates ??= onlyEvaluates(this.tokens, this.frameTokens, this.isTerm));
  }
  get coLocatesTerms(): boolean {
    return (this.#coLocates ??= coLocatesTerms(this.s.text, this.tokens, this.isTerm));
  }
  get buzzwordFrame(): boolean {
    return (this.#buzzword ??= buzzwordFrame(this.s.text, this.tokens, this.isTerm));
  }
  get benefitFrame(): boolean {
    return (this.#benefit ??= benefitFrame(this.s.text, this.tokens, this.isTerm));
  }
  get onlyRelatesTerms(): boolean {
    return (this.#relatesNothing ??= onlyRelatesTerms(this.s.text, this.tokens, this.isTerm));
  }
}

/** An analysis's sentences as ClaimSentence, one list per analysis and term list (both stable: cached per text and per question). */
export function claimSentencesOf(a: Analysis, isTerm: (word: string) => boolean): ClaimSentence[] {
  let byTerms = kept.get(a);
  if (!byTerms) kept.set(a, (byTerms = new WeakMap()));
  let sentences = byTerms.get(isTerm);
  if (!sentences) byTerms.set(isTerm, (sentences = a.sentences.map((s) => new ClaimSentence(s, a, isTerm))));
  return sentences;
}
const kept = new WeakMap<Analysis, WeakMap<(word: string) => boolean, ClaimSentence[]>>();
