import { z } from "zod";

/**
 * The scenario pack format, declared once. Every other shape (public views,
 * loader results, generated JSON Schema later) is derived from these schemas.
 */

/**
 * Upper bounds on every number and list: a pack is authored by hand, and an
 * unbounded value broke sessions (`minutes: 1e308` made a timed round untimed,
 * `weight: 1e308` turned a full-marks answer into 0/100). Generous for real packs.
 */
export const PACK_LIMITS = {
  minutes: 480,
  weight: 100,
  pick: 50,
  version: 1_000_000,
  rounds: 20,
  questions: 500,
  rubric: 20,
  listItems: 200,
  shortText: 300,
  longText: 50_000,
  code: 100_000,
} as const;
const Short = z.string().min(1).max(PACK_LIMITS.shortText);
const Long = z.string().min(1).max(PACK_LIMITS.longText);

export const Slug = z
  .string()
  .max(80, "at most 80 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "an id of lowercase letters, digits and dashes");

// The shared vocabularies are defined once, in the wire contract, and used here.
import { LanguageSchema, LevelSchema, RoundKindSchema, type Language, type Level, type RoundKind } from "../contracts/enums.js";
export { LanguageSchema, LevelSchema, RoundKindSchema, type Language, type Level, type RoundKind };

/** A concept the grader looks for: any of its terms (case-insensitive, word start) counts. */
export const ConceptSchema = z.object({
  label: Short,
  terms: z.array(Short).min(1).max(PACK_LIMITS.listItems),
  /**
   * Also said as: the everyday ways a candidate states the point without its terms ("stop training|stop when
   * validation|held-out loss stops|no+longer improving|falling"), in the domain lexicon's pattern language (slots in
   * order, "|" between alternatives, "+" joining words, "stem*" a prefix). At least two words: one word is a term.
   */
  plain: z
    .array(Short.refine((p) => p.trim().split(/\s+/).length >= 2, "a plain phrasing has at least two words (one word belongs in terms)"))
    .max(PACK_LIMITS.listItems)
    .optional(),
});

/** A wrong claim a criterion caps: its label (shown in the report) and the phrasings that state it. */
export const MisconceptionSchema = z.object({
  label: Short,
  plain: z
    .array(Short.refine((p) => p.trim().split(/\s+/).length >= 2, "a misconception's phrasing has at least two words"))
    .min(1)
    .max(PACK_LIMITS.listItems),
});

const Anchor = Long;

export const CheckSchema = z.enum([
  "quantitative",
  "star",
  "situation",
  "task",
  "action",
  "result",
  "reflection",
  "design-sections",
  "fault-class",
  "fixed-prompt",
  "fix-works",
]);
export type Check = z.infer<typeof CheckSchema>;
/**
 * Checks that run only when a model is configured (`fix-works` runs the fixed prompt on the prompt lab). Offline,
 * a normal way to run the server, they are skipped and left out of the count: a criterion must have something else
 * to be graded on (cross-checks.ts, `criterion-needs-model`).
 */
export const MODEL_ONLY_CHECKS: readonly Check[] = ["fix-works"];

export const CriterionSchema = z.object({
  id: Slug,
  title: Short,
  weight: z.number().positive().max(PACK_LIMITS.weight),
  description: Long,
  /** What an answer at each level 0-4 looks like. */
  anchors: z.object({ "0": Anchor, "1": Anchor, "2": Anchor, "3": Anchor, "4": Anchor }),
  /** Evidence hints for the grader. Secret: never sent to a candidate. */
  evidence: z
    .object({
      /** May be empty when `checks` says what the criterion counts (a story's structure is its checks). */
      concepts: z.array(ConceptSchema).max(PACK_LIMITS.listItems).default([]),
      /**
       * Computed checks that count like concepts: `quantitative` (a worked estimate
       * from the question's figures with correct arithmetic), `star` (situation,
       * task, action, result; or one part: `situation`, `task`, `action`, `result`,
       * plus `reflection`), `design-sections` (6+ of 11 sections), `fault-class`
       * (names prompt/context/model/retrieval), `fixed-prompt` (gives the rewritten
       * prompt), `fix-works` (the fixed prompt passes more prompt-lab cases; only
       * when a model is configured).
       */
      checks: z.array(CheckSchema).max(CheckSchema.options.length).default([]),
      /**
       * How many of the concepts and checks a full-marks answer needs, when the list holds
       * alternatives ("name two of", an answer key of acceptable answers). Default: all of them.
       */
      enough: z.number().int().min(1).max(PACK_LIMITS.listItems).optional(),
      /**
       * Known misconceptions: wrong claims a candidate may state fluently in the rubric's own words ("raise the
       * temperature for more reliable JSON"), each a label and its phrasings in the pattern language of `plain`. An
       * answer that states one as its own claim is capped at level 1 on this criterion. Secret like the rest.
       */
      misconceptions: z.array(MisconceptionSchema).max(PACK_LIMITS.listItems).optional(),
    })
    .refine((e) => e.concepts.length + e.checks.length > 0, {
      message: "a criterion needs at least one concept or check to be graded on",
      path: ["concepts"],
    }),
  /** Follow-up questions the interviewer may ask when this criterion is unmet. */
  probes: z.array(Long).max(PACK_LIMITS.listItems).default([]),
  /** What a strong answer adds here; shown in the report after the session. */
  strongAnswerAdds: Long.optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const ExemplarSchema = z.object({
  level: z.enum(["strong", "adequate", "weak"]),
  answer: Long,
  scores: z.record(z.string(), z.number().int().min(0).max(4)),
});
export type Exemplar = z.infer<typeof ExemplarSchema>;

/** A Python or TypeScript identifier the harness calls. */
const Identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a function name (letters, digits, underscore)");

/** One language-neutral test: call with `args`, compare the result to `expected` (JSON values). */
export const TestCaseSchema = z.object({
  name: Short,
  args: z.array(z.json()).max(PACK_LIMITS.listItems).default([]),
  expected: z.json(),
  /** Visible tests are shown to the candidate and run by "Run code"; hidden ones report pass/fail only. */
  visible: z.boolean().default(false),
  /** exact: deep equality; unordered: arrays compared as multisets; approx: numbers within `tolerance`. */
  compare: z.enum(["exact", "unordered", "approx"]).default("exact"),
  tolerance: z.number().positive().max(1e12).optional(),
});
export type TestCase = z.infer<typeof TestCaseSchema>;

export const CodingSpecSchema = z.object({
  /** The function the candidate implements, per language. */
  entrypoint: z.partialRecord(LanguageSchema, Identifier),
  /**
   * Optional per-language test code for cases JSON cannot express (e.g. injected
   * callables). It must define `run_case(*args)` (Python) / `runCase(...args)`
   * (TypeScript), is run after the candidate's code in the same scope, and its
   * return value is compared to `expected`.
   */
  testCode: z.partialRecord(LanguageSchema, z.string().min(1).max(PACK_LIMITS.code)).optional(),
  tests: z.array(TestCaseSchema).min(1).max(PACK_LIMITS.listItems),
  /** Weight of the automatic "passes the tests" criterion, relative to the rubric's weights. */
  testsWeight: z.number().positive().max(PACK_LIMITS.weight).default(3),
  /** Secret: a solution per language that passes every test. */
  referenceSolution: z.partialRecord(LanguageSchema, z.string().min(1).max(PACK_LIMITS.code)),
});

/** A number the question gives the candidate to reason with (traffic, corpus size, prices). */
export const FigureSchema = z.object({
  id: Slug,
  label: Short,
  /** With `from`: the value in the question's default variant (each session computes its own). */
  value: z.number().min(-1e15).max(1e15),
  unit: Short,
  /** An expression over the question's variables that gives this figure's value per session, e.g. `rps * 3600`. */
  from: z.string().min(1).max(500).optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** promptfoo-style assertions on a model output. */
export const PromptAssertionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("contains"), value: z.string().min(1) }),
  z.object({ type: z.literal("not-contains"), value: z.string().min(1) }),
  z.object({
    type: z.literal("regex"),
    value: z
      .string()
      .min(1)
      .refine((v) => {
        try {
          new RegExp(v);
          return true;
        } catch {
          return false;
        }
      }, "not a valid regular expression"),
  }),
  z.object({ type: z.literal("is-json"), schema: z.record(z.string(), z.unknown()).optional() }),
  z.object({ type: z.literal("max-length"), value: z.number().int().positive().max(1_000_000) }),
]);
export type PromptAssertion = z.infer<typeof PromptAssertionSchema>;

/** What makes a prompt-debugging answer executable: the broken prompt and cases it fails. */
export const PromptLabSchema = z.object({
  /** The prompt under test; {{name}} slots are filled from each case's vars. */
  brokenPrompt: Long,
  cases: z
    .array(
      z.object({
        name: Short,
        vars: z.record(z.string(), z.string().max(PACK_LIMITS.longText)),
        assert: z.array(PromptAssertionSchema).min(1).max(PACK_LIMITS.listItems),
      }),
    )
    .min(1)
    .max(PACK_LIMITS.listItems),
});
export type PromptLab = z.infer<typeof PromptLabSchema>;

/** A name `{{placeholders}}` and expressions use. */
export const VariableNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a variable name (letters, digits, underscore; not starting with a digit)");

const VARIABLE_KINDS = ["int", "float", "choice", "expr"] as const;

/**
 * One value drawn per session (int/float range with a step, or a choice from a
 * list of JSON values), or derived from earlier variables (`expr`). Variables
 * are drawn and derived in the order they are declared.
 */
export const VariableSchema = z
  .object({
    /** Inclusive integer range [low, high], walked in `step`s (default 1). */
    int: z.tuple([z.number().int(), z.number().int()]).optional(),
    /** Inclusive range [low, high] in `step`s (required for floats). */
    float: z.tuple([z.number(), z.number()]).optional(),
    step: z.number().positive().optional(),
    /** Any JSON values: numbers, names, whole test inputs with their expected outputs. */
    choice: z.array(z.json()).min(1).max(200).optional(),
    /** Derived: an expression over earlier variables (arithmetic, min/max/round/floor/ceil/len/sum, a ? b : c). */
    expr: z.string().min(1).max(500).optional(),
    /** The value in the default variant (shown outside sessions, used by calibrate); default: the low end or the first choice. */
    default: z.json().optional(),
    /** Secret values (e.g. hidden test inputs) are never shown to the candidate, not even in the report. */
    secret: z.boolean().default(false),
    description: z.string().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const kinds = VARIABLE_KINDS.filter((k) => v[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `give exactly one of ${VARIABLE_KINDS.join(", ")}${kinds.length ? `; found ${kinds.join(" and ")}` : ""}`,
      });
      return;
    }
    const range = v.int ?? v.float;
    if (range && range[0] > range[1])
      ctx.addIssue({ code: "custom", path: [kinds[0]!], message: `the low end ${range[0]} is above the high end ${range[1]}` });
    if (v.float && v.step === undefined)
      ctx.addIssue({ code: "custom", path: ["step"], message: "a float range needs a step, e.g. step: 0.25" });
    if (v.int && v.step !== undefined && !Number.isInteger(v.step))
      ctx.addIssue({ code: "custom", path: ["step"], message: "an int range needs a whole-number step" });
    if (v.step !== undefined && !range)
      ctx.addIssue({ code: "custom", path: ["step"], message: "step only applies to int and float ranges" });
    if (v.default !== undefined && v.expr !== undefined)
      ctx.addIssue({ code: "custom", path: ["default"], message: "a derived (expr) variable has no default of its own" });
  });
export type Variable = z.infer<typeof VariableSchema>;

export const QuestionSchema = z.object({
  id: Slug,
  kind: RoundKindSchema,
  level: LevelSchema,
  title: Short,
  /** Markdown shown to the candidate. */
  prompt: Long,
  timeGuideMinutes: z.number().positive().max(PACK_LIMITS.minutes),
  starterCode: z.partialRecord(LanguageSchema, z.string().max(PACK_LIMITS.code)).optional(),
  rubric: z.array(CriterionSchema).min(1).max(PACK_LIMITS.rubric),
  maxFollowUps: z.number().int().min(0).max(3).default(1),
  /** Secret: labelled answers used for calibration and similarity. */
  exemplars: z.array(ExemplarSchema).max(PACK_LIMITS.listItems).default([]),
  /** Coding questions: tests and reference solutions (secret; visible tests are shown). */
  coding: CodingSpecSchema.optional(),
  /** System design: the numbers given in the prompt, for checking estimates. */
  figures: z.array(FigureSchema).max(PACK_LIMITS.listItems).default([]),
  /** Prompt debugging: the broken prompt and the cases it fails. */
  promptLab: PromptLabSchema.optional(),
  /**
   * Variants: values drawn per session. `{{name}}` or `{{expression}}` in the title,
   * prompt, starter code, tests (a whole-string placeholder keeps the value's type),
   * exemplars and rubric text is filled in; figures take theirs from `from`.
   */
  variables: z.record(VariableNameSchema, VariableSchema).optional(),
  /** Topics for the pack's topic table (docs/topics.md), e.g. ["agents", "tool-calling"]. */
  topics: z.array(Slug).max(12).optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const RoundSchema = z.object({
  id: Slug,
  kind: RoundKindSchema,
  title: Short,
  /** Round length; fractions allowed (test packs use seconds-long rounds). */
  minutes: z.number().positive().max(PACK_LIMITS.minutes, `at most ${PACK_LIMITS.minutes} minutes`),
  /** Question ids this round draws from; every question of the round's kind when absent. */
  questions: z.array(Slug).min(1).max(PACK_LIMITS.questions).optional(),
  /** How many questions a session asks from this round. */
  pick: z.number().int().positive().max(PACK_LIMITS.pick).default(1),
});
export type Round = z.infer<typeof RoundSchema>;

/** What the report shows once a session is complete. */
export const ReportSettingsSchema = z.object({
  /**
   * Show each asked question's strong exemplar beside the candidate's answer in the
   * finished report (and its share links). Off by default: a hiring pack's retakes stay
   * fair only while its model answers stay unseen.
   */
  showExemplars: z.boolean().default(false),
  /**
   * What a candidate's own report (and its share links, and practice mode's feedback after
   * each question) says of the key points the answer did not state. `show` (the default)
   * names them; `hide` keeps the rubric's answer key for packs candidates may retake: the
   * feedback then names only what the answer stated, and leaves out level descriptions,
   * `strongAnswerAdds`, the judge's reasons and the strong exemplar. The team's review
   * always sees everything.
   */
  missingPoints: z.enum(["show", "hide"]).default("show"),
});

export const PackSchema = z.object({
  id: Slug,
  /** Authors may bump it; uploads get a server-assigned version instead. */
  version: z.number().int().positive().max(PACK_LIMITS.version).default(1),
  title: Short,
  description: Long,
  rounds: z.array(RoundSchema).min(1).max(PACK_LIMITS.rounds),
  questions: z.array(QuestionSchema).min(1).max(PACK_LIMITS.questions),
  report: ReportSettingsSchema.default({ showExemplars: false, missingPoints: "show" }),
});
export type Pack = z.infer<typeof PackSchema>;

/** The questions a round draws from, in pack order. */
export function roundQuestionIds(pack: Pack, round: Round): string[] {
  return round.questions ?? pack.questions.filter((q) => q.kind === round.kind).map((q) => q.id);
}
