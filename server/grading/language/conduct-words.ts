/**
 * General English words of conduct at work, for reading what a behavioural story's teller did (conduct.ts).
 * Closed tables of verbs and objects, not any story's wording: what is poor conduct is read from a verb of one
 * class said with an object of another ("skipped the review", "ignored the results", "pushed ... without review").
 */

/** Verbs of putting a change into use: said "without" a check, the check was bypassed. */
export const RELEASE_VERBS: ReadonlySet<string> = new Set([
  "push",
  "deploy",
  "redeploy",
  "ship",
  "merge",
  "release",
  "launch",
  "patch",
  "hotfix",
  "apply",
  "roll",
  "commit",
  "publish",
]);

/** The checks and people a change goes through before it is used. */
export const PROCESS_WORDS: ReadonlySet<string> = new Set([
  "review",
  "reviews",
  "reviewer",
  "reviewers",
  "approval",
  "approvals",
  "sign-off",
  "signoff",
  "test",
  "tests",
  "testing",
  "eval",
  "evals",
  "evaluation",
  "gate",
  "process",
  "freeze",
  "check",
  "checks",
  "ci",
  "permission",
  "consent",
  "flag",
  "canary",
  "postmortem",
  "postmortems",
  "consensus",
  "polishing",
  "planning",
]);

/** Verbs of going past a check: with a check as object, the check was bypassed. */
export const BYPASS_VERBS: ReadonlySet<string> = new Set(["skip", "bypass", "circumvent", "sidestep", "dodge", "waive"]);

/** Verbs of setting aside evidence or people's views. */
export const DISREGARD_VERBS: ReadonlySet<string> = new Set(["ignore", "dismiss", "disregard", "overrule", "override", "brush", "silence"]);

/** What a story's teller may set aside: evidence and the people who hold a view (a pronoun stands for either). */
export const HEEDED_WORDS: ReadonlySet<string> = new Set([
  "data",
  "result",
  "results",
  "numbers",
  "metrics",
  "eval",
  "evals",
  "evaluation",
  "benchmark",
  "experiment",
  "traces",
  "logs",
  "alert",
  "alerts",
  "warning",
  "warnings",
  "evidence",
  "findings",
  "feedback",
  "concern",
  "concerns",
  "objection",
  "objections",
  "advice",
  "input",
  "view",
  "views",
  "idea",
  "ideas",
  "decision",
  "team",
  "teammates",
  "colleague",
  "colleagues",
  "lead",
  "manager",
  "him",
  "her",
  "them",
  "it",
  "everyone",
  "juniors",
  "engineers",
]);

/** Verbs of telling others: negated in the teller's clause, the people affected were not told. */
export const TELL_VERBS: ReadonlySet<string> = new Set([
  "tell",
  "mention",
  "inform",
  "notify",
  "page",
  "escalate",
  "report",
  "warn",
  "flag",
  "disclose",
  "update",
]);

/** Verbs of finding out: negated in the teller's clause, the evidence or the other view was not sought. */
export const INQUIRY_VERBS: ReadonlySet<string> = new Set(["measure", "ask", "consult", "listen", "check", "investigate", "look"]);

/** Verbs of hiding. */
export const HIDE_VERBS: ReadonlySet<string> = new Set(["hide", "conceal", "bury", "suppress"]);

/** Verbs by which the teller says something of someone (what they say that someone is to blame for). */
export const SAY_VERBS: ReadonlySet<string> = new Set([
  "tell",
  "say",
  "make",
  "point",
  "explain",
  "insist",
  "argue",
  "claim",
  "write",
  "report",
  "remind",
  "stress",
]);

/** Verbs of putting blame somewhere ("shifted the blame onto", "moved the blame off my team"). */
export const BLAME_MOVERS: ReadonlySet<string> = new Set([
  "shift",
  "move",
  "put",
  "pin",
  "place",
  "lay",
  "push",
  "deflect",
  "pass",
  "keep",
]);

/** What the teller trusts instead of evidence, in a lesson ("trust my gut"). */
export const OWN_SENSE: ReadonlySet<string> = new Set(["gut", "instinct", "instincts", "intuition", "judgement", "judgment", "conviction"]);

/** Verbs that hold back: a check as their subject in a lesson ("process slows you down") is cast as the obstacle. */
export const HOLD_BACK: ReadonlySet<string> = new Set(["slow", "block", "hold", "stop", "delay", "hinder"]);

/** Words that call a check worthless in a lesson. */
export const WORTHLESS: ReadonlySet<string> = new Set([
  "formality",
  "bureaucracy",
  "pointless",
  "overrated",
  "theatre",
  "theater",
  "overhead",
  "red",
]);

/**
 * A sentence in which the teller holds their own conduct to account ("it was my mistake", "I was wrong", "I
 * apologised", "I should have paged earlier"): the story owns what it tells, and its acts are not read as conduct it
 * stands by.
 */
export const SELF_CRITICAL =
  /\b(?:my (?:own )?(?:mistake|fault|error|bad|part in)|(?:i|it|that) was (?:\w+ly |partly |a bit |somewhat |just )?(?:wrong|mistaken|a mistake|my)|wrong of me|(?:mistake|fault|error) was (?:all )?mine|(?:that|it) was on me|i (?:regret|apologi[sz]ed|apologi[sz]e|admitted|owned up|took responsibility|took the blame)|i (?:should|shouldn't|should not) have|i made a mistake|i was (?:too|overconfident)|(?:i|we) messed up|in hindsight (?:that|this|it) was)\b/i;

/** A self-account taken back: "there was nothing I could have done", "it was not my fault". */
export const SELF_CRITICAL_DENIED =
  /\b(?:nothing i (?:could|should) have|not my (?:fault|mistake)|wasn't my (?:fault|mistake)|no mistake)\b/i;

/** Where a story's lesson opens: what follows is what the teller takes from it. */
export const LESSON = /\b(?:learn(?:ed|t)?|lesson|takeaway|taught me|realised|realized|conclusion)\b/i;
