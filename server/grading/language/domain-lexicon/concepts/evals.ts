import type { LexiconEntry } from "../schema.js";

/** Evaluation: fixed sets, judges and their biases, agreement, metrics, significance, gates, online checks. */
export const EVALS: LexiconEntry[] = [
  {
    id: "golden-eval-set",
    terms: [
      "golden",
      "gold set",
      "eval set",
      "evaluation set",
      "test set",
      "reference answers",
      "ground truth",
      "labelled set",
      "labeled set",
    ],
    plain: [
      "fixed|frozen|same list|set|collection|bank|batch of question*|example*|case*|prompt*|ticket*|receipt*|email*",
      "question*|example*|case*|prompt* with|whose known|correct|expected|right|reference answer*|label*|output*",
      "known|correct|expected|right answer* we|each|every|for",
      "run* every|each change|version|release|prompt against|on it|them|same",
      "hand-checked|hand-labelled|hand-labeled|hand-written answer*|example*|label*",
      "answer* key for|of question*|example*",
    ],
  },
  {
    id: "held-out-split",
    terms: ["held-out", "held out", "holdout", "hold out", "test split", "by time", "time-based", "most recent"],
    plain: [
      "keep*|set|put|leave* last|latest|newest|recent|some month*|week*|example*|data|part aside|apart|back for|to test*|evaluat*",
      "train* only on older|earlier|rest|other",
      "never|not train* on|see|use test|those|them",
      "test* on data|example*|month*|ticket* model never|not saw|seen",
      "test look* like next|future|new|real traffic|month",
    ],
  },
  {
    id: "llm-judge",
    terms: ["llm judge", "llm-as-judge", "llm as a judge", "grader model", "auto-rater"],
    plain: [
      "model|llm grade*|score*|rate*|judge*|check* answer*|summar*|output*|reply|replies",
      "use|ask another|second|stronger|separate model to grade|score|rate|judge|check",
      "automatic|automated grader|scorer|rater",
    ],
  },
  {
    id: "position-bias",
    terms: ["position bias", "both orders", "swap the order"],
    plain: [
      "prefer*|favo*|pick*|like* whichever|what|one|answer|summary|option see*|read*|shown|come* first|second",
      "ask* twice|again with|in two|order* opposite|reversed|swapped|switched",
      "opposite|reverse|reversed|other order",
      "switch*|flip*|swap* order|position*",
      "keep* only consistent|same verdict*|answer*|result*",
    ],
    not: ["length-bias"],
  },
  {
    id: "length-bias",
    terms: ["length bias", "verbosity", "verbose", "longer answers"],
    plain: [
      "prefer*|favo*|reward*|like* long|longer|wordier|verbose answer*|reply|replies|output*|summar*",
      "long|longer answer*|reply|replies score* high|higher|better",
    ],
  },
  {
    id: "inter-annotator-agreement",
    terms: ["agreement", "kappa", "inter-annotator", "inter-rater", "cohen"],
    plain: [
      "two|several|both|multiple people|annotator*|rater*|reviewer*|expert*|labeller*|grader* rate*|label*|grade*|score*|judge* same",
      "how often|often they|people|annotator*|rater*|grader*|it|judge give*|reach*|agree*|match* same rating|verdict|label|score|answer",
      "check*|measure* how|often much agree",
      "agree* with people|human*|expert*|annotator*|us",
    ],
  },
  {
    id: "human-labels",
    terms: [
      "human labels",
      "human-labelled",
      "human-labeled",
      "expert labels",
      "hand-label",
      "annotat",
      "human rat",
      "human judg",
      "labelled by",
      "labeled by",
    ],
    plain: [
      "expert*|people|staff|lawyer*|nurse*|human*|reviewer*|we grade*|label*|rate*|mark*|score*|judge* by+hand|manually|themselves",
      "grade*|label*|rate*|mark*|check* by+hand|manually",
      "staff|expert*|people|human*|reviewer* rate*|grade*|label*|judge*|mark* sample|few hundred|some",
    ],
  },
  {
    id: "judge-calibration",
    terms: ["calibrat", "agreement with", "spot-check", "compare against"],
    plain: [
      "check* how often grader|judge|scorer|model|automatic reach*|give*|agree*|match* same",
      "compare* grader|judge|scorer|model|its score*|verdict* with|against people|human*|expert*|hand",
      "repeat* comparison|check with people|human*|expert* every|each quarter|month",
    ],
  },
  {
    id: "regression-gate",
    terms: [
      "regression test",
      "regression suite",
      "eval gate",
      "in ci",
      "ci check",
      "block the merge",
      "blocks the merge",
      "release gate",
      "every pull request",
      "every pr",
    ],
    plain: [
      "run* automatically|every|each time|whenever engineer|someone|anyone propose*|open*|push*|submit* change|code",
      "change cannot|can't|not go|get|be in|merged|shipped|deployed if score*|number*|quality|result* fall|drop|go down",
      "drop|fall fails|blocks build|merge|release|deploy",
      "fail* build|merge|release if|when score*|quality drop*|fall*",
      "no change|nothing ship*|merge*|go* out without pass*",
    ],
  },
  {
    id: "significance-noise",
    terms: ["confidence interval", "significan", "noise", "variance", "paired", "mcnemar", "bootstrap", "error bars", "p-value"],
    plain: [
      "larger|bigger|more than chance|luck|noise|what+rerun*|what+re-run*",
      "by chance|luck",
      "rerun*|re-run*|run* same version|prompt|model twice|again|several",
      "difference real|not luck|not noise",
      "how much score*|result*|number* move*|vary|varies|jump* on|between run*",
    ],
  },
  {
    id: "error-analysis",
    terms: ["error analysis", "failure cases", "looked at the failures", "read the failures", "failure modes"],
    plain: [
      "read*|went|go|look* through|at fail*|wrong|bad answer*|case*|output* one+by+one|by+hand|ourselves",
      "group*|sort*|bucket* fail*|error*|mistake* by|into cause|type|kind",
    ],
  },
  {
    id: "slice-metrics",
    terms: [
      "per category",
      "by category",
      "slice",
      "segment",
      "per field",
      "per-field",
      "per queue",
      "per class",
      "per-class",
      "breakdown",
      "stratif",
    ],
    plain: [
      "score*|accuracy|result*|number* for|per|of each|every category|type|field|queue|class|language|country|group",
      "break* down score*|result*|number*|accuracy by",
    ],
  },
  {
    id: "precision",
    terms: ["precision"],
    plain: ["how many|often|share|fraction of what|comment*|answer*|flag*|hit*|it flag*|return*|post*|say* correct|right|useful|real"],
    not: ["recall"],
  },
  {
    id: "recall",
    terms: ["recall"],
    plain: ["how many|often|share|fraction of real|true|actual|known|all issue*|bug*|case*|item*|document*|it find*|catch*|found|caught"],
  },
  {
    id: "retrieval-hit-rate",
    terms: ["recall@", "hit rate", "hits@", "recall at"],
    plain: [
      "how often right|correct|relevant article|document|page|passage|chunk among|in first|top",
      "right|correct|relevant article|document|page|passage|chunk come*|show*|appear* in|among first|top",
    ],
  },
  {
    id: "rank-metrics",
    terms: ["ndcg", "mrr", "mean reciprocal"],
    plain: [
      "how high|far up right|correct|relevant result|article|document rank*|appear*|come*",
      "reward* right|relevant result*|answer* near|at top",
    ],
  },
  {
    id: "faithfulness",
    terms: [
      "faithful",
      "grounded",
      "groundedness",
      "supported by",
      "unsupported",
      "hallucinat",
      "fabricat",
      "made up",
      "made-up",
      "invented",
    ],
    plain: [
      "every|each claim|statement|sentence|fact backed|supported|traced|found in|by retriev*|source|transcript|text|document*|meeting",
      "check* every|each claim|statement|fact|sentence can|be traced|backed|found",
      "add*|state*|say*|contain* thing*|fact*|detail* nobody|not said|in source|transcript",
      "make*|made up fact*|detail*|number*|name*|attribute*|price*",
      "nothing not in|said source|transcript|document",
    ],
  },
  {
    id: "ab-test",
    terms: ["a/b", "ab test", "split test", "interleav", "control group", "holdout group"],
    plain: [
      "half|some|part of user*|traffic|customer* get|see new|old|one version|other",
      "compare* two|both version*|group* on live|real user*|traffic",
    ],
  },
  {
    id: "shadow-mode",
    terms: ["shadow", "mirror"],
    plain: [
      "run*|send* new|model|system|version alongside|beside|next|parallel|silently without|but not show*|user*|act*",
      "new version|model|system see*|get*|answer* real|live traffic but|without answer*|not|never shown|used|act*",
      "compare* its|answer*|output* with|against old|current|live|human|ones never|without show*",
    ],
  },
  {
    id: "canary-rollout",
    terms: ["canary", "staged rollout", "staged", "gradual", "ramp", "% of traffic", "percent of traffic", "beta"],
    plain: [
      "small|tiny share|slice|fraction|percent|part|group of traffic|user*|customer*|request*|team*",
      "turn|roll|give*|release*|send* new|it|bot|version to|on for|small|few|one|single first",
      "everyone|all user*|customer*|traffic only once|after|when number*|metric*|score*|it hold*|look good|stable",
      "widen|grow|increase|expand* share|rollout|percent|group step+by+step|gradually|slowly",
      "one team|office|group first then",
    ],
  },
  {
    id: "online-feedback",
    terms: ["thumbs", "feedback button", "user feedback", "csat", "thumbs-down"],
    plain: ["user*|customer*|agent* rate*|mark*|flag*|vote* answer*|reply|replies|summar*|output*", "button to report|flag|rate"],
  },
  {
    id: "online-eval-sampling",
    terms: ["online eval", "production sample", "sampled traffic", "% of production", "daily sample", "sample of production"],
    plain: [
      "grade*|score*|check*|review*|judge* sample|share|slice|percent of live|real|production traffic|answer*|conversation*|request* every|each day|week",
      "pick* random|some live|production conversation*|answer* every|each day|week grade*|review*|check*",
    ],
  },
  {
    id: "unanswerable-cases",
    terms: ["unanswerable", "should abstain", "adversarial", "edge case", "hard cases"],
    plain: [
      "add* question*|case*|example* document*|source* cannot|can't|not answer",
      "check* system|bot|model|it say* so|not know instead|rather guess*",
    ],
  },
  {
    id: "red-team",
    terms: ["red team", "red-team", "adversarial set", "jailbreak set", "attack set"],
    plain: [
      "try|tried|try* to break|trick|attack|fool it|bot|agent|model|system on purpose|deliberately",
      "write*|collect* attack*|trick*|malicious prompt*|input*|email* test*",
    ],
  },
  {
    id: "pairwise-comparison",
    terms: ["pairwise", "side by side", "side-by-side", "win rate"],
    plain: ["show*|give* two answer*|version*|output* side+by+side|next+to+each+other", "which of two answer*|version*|output* better"],
  },
  {
    id: "baseline-comparison",
    terms: ["baseline", "before and after"],
    plain: [
      "compare* against|with|to current|old|existing|today's version|prompt|model|system before change*",
      "measure* current|existing|today quality|score*|accuracy first|before",
    ],
  },
  {
    id: "ablation",
    terms: ["ablation", "one at a time", "each change measured", "separately"],
    plain: [
      "change|test|measure|try one thing|change|part at+a+time",
      "measure*|test* each|every change|part on+its+own|by+itself|separately",
    ],
  },
  {
    id: "simulated-users",
    terms: ["simulated", "synthetic customers", "synthetic callers", "scripted conversations", "user simulator"],
    plain: [
      "fake|pretend|scripted|simulated customer*|caller*|user* with|talk*|call*",
      "model play*|pretend* customer|caller|user",
      "let them|it talk|chat|call to|with agent*|bot hundred*|many|thousand* time*",
    ],
  },
  {
    id: "replay-historical",
    terms: ["replay", "historical", "past emails", "past tickets", "historical tickets"],
    plain: [
      "run*|feed*|play* old|past|last|real|earlier email*|ticket*|conversation*|call*|request* through|into|back",
      "re-run|rerun|replay* last month*|year*|week*|old traffic",
    ],
  },
  {
    id: "drift-monitoring",
    terms: ["drift", "distribution shift", "topic mix", "data drift"],
    plain: [
      "mix|kind|type|share of question*|input*|request*|topic*|traffic change*|shift*|move* over time|since",
      "input*|question*|traffic|data look* different|unlike from|than what trained|tested|launch",
      "watch*|track*|alert* when|if share|distribution|mix of topic*|label*|answer*|refusal* change*|shift*|move*",
    ],
  },
];
