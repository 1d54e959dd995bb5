import type { LexiconEntry } from "../schema.js";

/** Cost: caching answers, trimming prompts, budgets and caps, cheaper capacity. */
export const COST: LexiconEntry[] = [
  {
    id: "response-cache",
    terms: ["cache", "caching", "cached", "memoi", "hash of", "exact cache", "exact-match"],
    plain: [
      "store*|save*|keep*|remember* answer*|result*|summar*|output*|reply|replies already|we|once generat*|computed|produced|made",
      "return*|reuse*|serve*|give* stored|saved|previous|earlier|same answer*|result*|summar*|output* when|if same|identical|exact|input|prompt|question|request",
      "same|identical|exact input|prompt|question|request arrive*|come*|asked in|again|twice return*|reuse*|serve*",
      "rather|instead than of call*|ask*|run* model|provider again|anew",
      "not|never|n't pay|call|run|ask for|model same|it twice|again",
      "answer* we computed|generated|produced|made last|previous|before",
    ],
  },
  {
    id: "cache-key",
    terms: ["cache key", "keyed by", "part of the key", "in the key"],
    plain: [
      "look* up|stored|found by|under fingerprint|hash|digest of|combination prompt|input|question|model|version|plan|language",
      "fingerprint|hash|digest of prompt|input|question and|plus model|version",
    ],
  },
  {
    id: "prompt-trimming",
    terms: ["trim", "shorten", "compress", "fewer examples", "cut the prompt", "fewer few-shot"],
    plain: [
      "cut*|remove*|drop*|shorten*|shrink* instruction*|prompt|example*|context|boilerplate|history|text we send",
      "send* fewer|less token*|example*|text|word*|context per|each|every call|request",
    ],
  },
  {
    id: "budget-cap",
    terms: ["spend cap", "hard cap", "soft cap", "soft limit", "hard limit", "budget alert", "budget enforcement"],
    plain: [
      "warn*|alert*|email*|notif* team|owner|them at|when reach*|hit*|use* 80|part|most of budget|limit|allowance|money",
      "block*|stop*|refus*|cut* off team|request*|call*|them once|when|after budget|money|spend|limit|allowance run* out|reach*|hit*|used",
    ],
  },
  {
    id: "reserved-capacity",
    terms: ["reserved", "committed", "provisioned throughput", "spot", "savings plan"],
    plain: [
      "pay*|commit*|sign* up+front|in+advance|for+a+year cheaper|lower|discount*",
      "use* cheap|spare|interruptible machine*|gpu*|instance* that can|may be taken|stopped|reclaimed",
    ],
  },
  {
    id: "cost-per-request",
    terms: ["per request", "per call", "per query", "per question", "cost per"],
    plain: ["each|every|one request|call|question|query|answer|email|ticket|summary cost*|costs|come* to|is about|roughly"],
  },
  {
    id: "token-count-arithmetic",
    terms: ["input tokens", "output tokens", "tokens per", "tokens in", "tokens out"],
    plain: ["word*|token* we|in send*|go in|read and|plus word*|token* come|we get|back|out|generat*"],
  },
];
