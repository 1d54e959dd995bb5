import type { LexiconEntry } from "../schema.js";

/** Privacy: redaction, detection, pseudonyms, retention and deletion, access, residency, provider terms. */
export const PRIVACY: LexiconEntry[] = [
  {
    id: "pii-redaction",
    terms: ["redact", "mask", "scrub", "placeholder", "strip card", "remove card", "anonymi"],
    plain: [
      "name*|email*|phone number*|address*|card number*|personal detail*|account number* remov*|replac*|strip*|hid*|blank*|star*|swap*|cut",
      "remov*|replac*|strip*|hid*|blank*|swap* name*|email*|phone*|number*|address*|personal detail*|digit*",
      "replac* with|by star*|placeholder*|tag*|label*|x*|asterisk*",
      "before anything|text|it|ticket|message|prompt|log written|stored|sent|logged|saved|reaches",
    ],
  },
  {
    id: "pii-detection",
    terms: ["regex", "pattern", "ner", "named entity", "presidio", "detector", "luhn"],
    plain: [
      "find*|spot*|detect*|catch* phone number*|email*|card number*|digit*|id* with|using|by fixed|text|simple rule*|pattern*",
      "fixed|simple|text rule*|pattern* for|catch*|find* number*|email*|phone*",
      "model|classifier trained|tagger to spot|find|detect|recogni* people|person|name*|place*",
      "digit* pass* card|checksum|check digit",
    ],
  },
  {
    id: "pseudonymisation",
    terms: ["pseudonym", "hash", "tokenis", "tokeniz", "user id instead"],
    plain: [
      "instead|rather of than real|actual customer*|user*|account number*|name*|email*|id* save*|store*|keep*|log*",
      "scrambled|random|stand-in|substitute|opaque code|id|identifier|string|number same|stable for that|each customer|user|person",
      "cannot|can't|not be turned|traced|mapped back|reversed",
      "same customer|user|person always get*|map*|become* same code|id|stand-in",
    ],
  },
  {
    id: "retention-deletion",
    terms: [
      "retention",
      "ttl",
      "lifecycle",
      "deleted after",
      "automatic deletion",
      "30 days",
      "deletion",
      "erasure",
      "right to be forgotten",
    ],
    plain: [
      "erase*|delete*|remov*|purg*|drop*|throw* away log*|record*|data|transcript*|conversation*|message*|it after|once|within day*|week*|month*|thirty|hour*",
      "erase*|delete*|remov*|purg* automatically|by+rule|by+a+storage+rule|by+policy|on+a+schedule",
      "keep*|store*|hold* log*|record*|data|transcript*|conversation*|it only|for+at+most|no+longer+than day*|week*|month*",
      "storage|bucket|database rule|policy delete*|erase*|remove*|expire*",
      "user|customer ask* delete*|erase*|remove* their|data|record* everywhere|too|also",
    ],
  },
  {
    id: "access-control-audit",
    terms: ["role-based", "access control", "rbac", "audit log", "who accessed", "who can see", "audit"],
    plain: [
      "only few|small|named|on rota|on-call|support engineer*|staff|people|team|role* can|may|allowed open|see|read|access|view",
      "every|each time someone|anyone|engineer open*|read*|access*|view*|look* log*|record*|one|them|it record*|log*|keep*|write*",
      "record*|log*|keep* record* who look*|opened|accessed|read|viewed|saw",
      "every action|call|change|refund it|agent take*|makes|made record*|logged|written down",
    ],
  },
  {
    id: "data-residency",
    terms: ["data residency", "eu region", "region", "in-region", "own cloud account"],
    plain: ["data|message*|request*|it stay*|remain*|kept|processed in|inside eu|europe|country|our own|own cloud|account|region"],
  },
  {
    id: "provider-data-terms",
    terms: ["zero data retention", "zero retention", "data processing agreement", "dpa", "no training", "not used for training"],
    plain: [
      "provider|vendor not|never|n't keep*|store*|retain*|train*|use* our|customer|data|prompt*|text",
      "contract|agreement say*|forbid*|bar* provider|vendor from keep*|train*|store*|us*",
    ],
  },
  {
    id: "data-minimisation",
    terms: ["minimis", "minimiz", "data minimisation", "only the fields", "don't log", "do not log"],
    plain: [
      "send*|keep*|log*|collect*|store* only|just field*|data|what model|we|feature need*|require*",
      "not|never|n't send*|log*|store*|keep* field*|data|detail* we|model not|n't need",
    ],
  },
  {
    id: "encryption",
    terms: ["encrypt", "kms", "tls", "at rest", "in transit"],
    plain: ["scramble*|lock* data|file*|log*|disk* with key*", "key* held|kept|stored|managed in|by separate|own|key"],
  },
];
