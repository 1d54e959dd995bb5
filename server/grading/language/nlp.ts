import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

type Engine = ReturnType<typeof winkNLP>;

/**
 * One English pipeline for the process: wink-nlp with its shipped light model
 * (offline, MIT, ~4 MB). Loading takes ~0.2 s, so it happens once, on first use.
 */
let pipeline: Engine | null = null;

/**
 * The annotations the grader reads: sentences, parts of speech and lemmas (analyse.ts). Named entities,
 * negation and sentiment are never read, and computing them took a fifth of each reading; without them
 * every token, tag, lemma and sentence is the same (checked on 20,777 texts: every pack, fixture and
 * public-set answer and every grade's feedback).
 */
const PIPE = ["sbd", "pos"];

/**
 * Learned words kept (never looked up again) before the pipeline is built anew: each reading leaves its
 * unknown words in wink's tables, a few dozen bytes each, so a long-lived worker would otherwise grow without
 * bound. Rebuilding takes ~0.2 s, about once per thousand answers.
 */
const LEARNED_LIMIT = 200_000;

/** The part of wink's core model the grader touches: the table of word forms it grows as it reads. */
type Lexemes = { list: string[]; hash: Record<string, number>; intrinsicSize: number };

/**
 * The English pipeline. Every reading is the reading a fresh process would give: wink's tokenizer looks each
 * stretch of text up among the words it knows, and a word it met in an earlier text (a word it does not ship
 * with, such as "main's") is added to that table and then found whole, so the same text was cut differently
 * depending on what the process had read before (and a grade on what the worker had graded before). After each
 * text is read, the words it taught wink are removed from the lookup table. Their entries stay in wink's lists,
 * so a document already read still resolves its tokens; nothing else in wink carries over between texts (its
 * other tables only map a feature value, such as a word's shape, to a number).
 */
export function nlp(): Engine {
  pipeline ??= build();
  return pipeline;
}

function build(): Engine {
  // wink builds its core model by calling `core()` once; holding the same object gives the lexeme table.
  const core = (model as unknown as { core: () => { features: { lexeme: Lexemes } } }).core();
  const engine = winkNLP({ ...model, core: () => core } as typeof model, PIPE);
  const lexemes = core.features.lexeme;
  const readDoc = engine.readDoc.bind(engine);
  let forgotten = lexemes.list.length;
  engine.readDoc = (text: string) => {
    const doc = readDoc(text);
    const { list, hash } = lexemes;
    for (let i = forgotten; i < list.length; i++) if (hash[list[i]!] === i) delete hash[list[i]!];
    forgotten = list.length;
    if (list.length - lexemes.intrinsicSize > LEARNED_LIMIT) pipeline = null;
    return doc;
  };
  return engine;
}
