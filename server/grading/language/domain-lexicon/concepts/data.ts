import type { LexiconEntry } from "../schema.js";

/** Data quality: duplicates, labels, leakage, balance, sampling, versioning. */
export const DATA: LexiconEntry[] = [
  {
    id: "deduplication",
    terms: ["dedup", "duplicate", "near-duplicate", "deduplicat"],
    plain: [
      "remove*|drop*|delete*|collapse* copies|repeated|identical|same example*|row*|document*|ticket*|item*",
      "same|identical example*|row*|document*|ticket* appear*|show* up twice|more than once|several time*",
    ],
  },
  {
    id: "label-noise",
    terms: ["label noise", "mislabel", "wrong label", "inconsisten", "label audit", "label quality"],
    plain: [
      "label*|tag*|answer* wrong|incorrect|inconsistent|disagree*",
      "same|similar example*|ticket*|case* different|conflicting|opposite label*|answer*",
      "re-check*|recheck*|audit*|review* label* by+hand|sample",
    ],
  },
  {
    id: "data-leakage",
    terms: ["leakage", "contamina", "leak into", "train-test overlap", "test leak"],
    plain: [
      "test|eval example*|question*|answer* appear*|end* up|show* up|present in|among train*|prompt*|example*",
      "model|it saw|seen|trained test|eval|answer* before|during|already",
    ],
  },
  {
    id: "class-balance",
    terms: ["imbalanc", "oversampl", "rare", "long tail", "class balance", "undersampl"],
    plain: [
      "few|not enough|handful example* of|for rare|uncommon|small class*|type*|queue*|categor*",
      "add*|collect*|repeat*|copy more example* of|for rare|uncommon|small|under-represented",
    ],
  },
  {
    id: "stratified-sampling",
    terms: ["stratif", "random sample", "representative", "uniform"],
    plain: [
      "sample*|pick*|draw*|take* same|equal|fixed number|share from|of each|every category|type|group|queue|country|class",
      "sample match* mix|share|proportion of real|production|traffic",
    ],
  },
  {
    id: "data-versioning",
    terms: ["versioned", "data version", "dataset version", "lineage", "snapshot"],
    plain: [
      "record*|keep*|store*|tag* which|exact version|copy|snapshot of data|set|example*|label* each|every model|run|result",
      "every|each model|run|result trace* back to exact|which data",
    ],
  },
  {
    id: "data-validation",
    terms: ["schema validation", "validation step", "data contract", "validat"],
    plain: ["check*|reject*|flag* row*|record*|example*|field*|value* missing|wrong|malformed|out+of+range|invalid"],
  },
  {
    id: "spot-check",
    terms: ["spot-check", "sampled", "read through", "manually checked", "looked at"],
    plain: ["read*|look*|go* through|at random|few|some|hundred example*|row*|output*|answer* by+hand|myself|ourselves|manually"],
  },
];
