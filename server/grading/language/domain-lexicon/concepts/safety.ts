import type { LexiconEntry } from "../schema.js";

/** Safety: injected instructions, leaks, filters, refusals, hallucination, escalation, kill switches. */
export const SAFETY: LexiconEntry[] = [
  {
    id: "untrusted-input",
    terms: ["prompt injection", "injection", "untrusted", "data, not instructions", "spotlight", "indirect injection"],
    plain: [
      "treat*|read*|handle* email|text|page|document|ticket|result|content|input as data|content|information not|never|rather|instead instruction*|order*|command*",
      "data to read never|not as|orders|instructions|commands",
      "instruction*|order*|command* inside|in|hidden email|page|document|ticket|tool result|content|input ignor*|not follow*|never|change nothing",
      "line|text|sentence saying ignore|forget rule*|instruction* change* nothing",
      "wrap*|mark*|fence*|tag* outside|external|untrusted|retrieved|user text|content so model know*",
    ],
  },
  {
    id: "system-prompt-leak",
    terms: ["system prompt leak", "prompt leak", "reveal the system prompt", "leaks its instructions"],
    plain: [
      "model|bot|it repeat*|reveal*|print*|show*|give* away its|own|hidden instruction*|prompt",
      "user* get*|extract*|see* hidden|internal|its instruction*|prompt",
    ],
  },
  {
    id: "output-filter",
    terms: ["output filter", "output guardrail", "on the output", "moderation", "output check"],
    plain: [
      "check*|scan*|screen*|filter* answer*|reply|replies|output*|response* before|it reach*|go*|shown|sent|user",
      "block*|stop*|hold* answer*|reply|output* that contain*|leak*|mention*",
    ],
  },
  {
    id: "input-filter",
    terms: ["input filter", "input guardrail", "on the input", "topic filter"],
    plain: ["check*|scan*|screen*|classif*|filter* question*|message*|input*|request* before|it reach*|go* model"],
  },
  {
    id: "scope-refusal",
    terms: ["off-topic", "out of scope", "out-of-scope", "scope control"],
    plain: [
      "question*|request* nothing+to+do+with|unrelated+to|outside our product|service|domain|topic",
      "polite*|politely|friendly refus*|decline*|say*|redirect*|no",
      "refus*|decline* engag*|answer*|help with unrelated|off|other",
    ],
  },
  {
    id: "over-refusal",
    terms: ["overblock", "over-block", "over-refus", "false refusal", "refuses too often"],
    plain: [
      "block*|refus*|reject* harmless|innocent|legitimate|safe|normal question*|request*|message*",
      "too many|often safe|harmless|legitimate question*|request* block*|refus*",
    ],
  },
  {
    id: "hallucination",
    terms: ["hallucinat", "confidently wrong", "makes things up", "makes up", "fabricat", "invent"],
    plain: [
      "make*|made up fact*|number*|price*|name*|detail*|answer*|source*|citation*|thing*",
      "sound*|sounds|look* right|plausible|confident|convincing but|yet|even wrong|false|untrue|made",
      "state*|say*|give* wrong|false thing*|fact*|answer* confident*|sure",
      "fill* gap* with guess*|plausible|invented",
    ],
  },
  {
    id: "human-handoff",
    terms: ["handoff", "hand off", "hand-off", "escalat", "human agent", "live agent", "transfer", "create a ticket"],
    plain: [
      "pass*|hand*|send*|transfer*|route*|forward* conversation|chat|call|customer|case|question|it to|over person|human|someone|team|staff|colleague|agent",
      "person|human|someone|staff|colleague take* over|it",
      "give* email|number|contact of|for people|team|person|support",
    ],
  },
  {
    id: "kill-switch",
    terms: ["kill switch", "circuit breaker", "pause"],
    plain: [
      "switch|button|flag that stop*|turn+off|disable* agent|bot|feature|it",
      "stop*|turn+off|disable* agent|bot|feature|it at+once|instantly|immediately|within+minute*",
    ],
  },
  {
    id: "pii-output-leak",
    terms: ["leak", "pii leak", "data leak"],
    plain: ["show*|reveal*|expose*|return* other|another customer*|user*|tenant*|employee* data|detail*|document*|record*"],
  },
  {
    id: "sensitive-topics",
    terms: ["sensitive", "harassment", "grievance", "disciplinary", "self-harm"],
    plain: ["question* about|on harass*|complaint*|health|medical|grief|grievanc*|dismiss*|abuse go|send*|route* to person|human|hr"],
  },
];
