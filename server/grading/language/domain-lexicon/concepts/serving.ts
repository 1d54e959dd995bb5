import type { LexiconEntry } from "../schema.js";

/** Serving and inference: caches of attention state, batching, quantisation, decoding, streaming, routing. */
export const SERVING: LexiconEntry[] = [
  {
    id: "kv-cache",
    terms: ["kv cache", "kv-cache", "key-value cache", "paged attention", "pagedattention"],
    plain: [
      "keep*|store*|cache*|save*|reuse* attention key* and value*",
      "key* and value* of earlier|previous|past token*",
      "not|never|n't recompute*|re-compute*|redo attention|earlier|previous token*",
      "memory per sequence|request|conversation grow* with|as length|token*",
    ],
  },
  {
    id: "prefix-caching",
    terms: ["prefix caching", "prefix cache", "prompt caching", "prompt cache", "cached prefix", "shared prefix", "automatic prefix"],
    plain: [
      "keep*|reuse*|store*|cache*|save* computed|processed attention|state|work for|of same|shared|common|opening|long start|part|instruction*|system prompt|prefix",
      "same|shared|common|identical long instruction*|start|opening|beginning|system prompt process*|computed|paid once",
      "reuse* it|state|work instead+of|rather+than recomput*|reprocess*",
      "every|each request start*|begin* with same|identical",
      "provider|server charge*|bill* less|discount for repeated|same|identical start|opening|beginning|prefix|instructions",
    ],
  },
  {
    id: "continuous-batching",
    terms: ["continuous batching", "in-flight batching", "dynamic batching", "iteration-level"],
    plain: [
      "add*|join*|slot* new request*|sequence* running|current batch|group as soon|when slot|one free*|finish*",
      "rather|instead than of wait* whole|entire|full batch|group finish*",
      "as+soon+as slot|one|sequence free*|finish*",
    ],
  },
  {
    id: "quantisation",
    terms: ["quantis", "quantiz", "int8", "fp8", "int4", "4-bit", "8-bit", "awq", "gptq"],
    plain: [
      "store*|run*|keep*|load* weight*|model with|at|in fewer|less|lower bit*|precision",
      "fewer|less bit* per|for number|weight|value",
      "lower|reduced|smaller numeric|number precision",
      "half|halve*|quarter memory with|at little|small|no loss",
      "compress* weight*|model to fewer|less bit*|smaller number*",
    ],
  },
  {
    id: "speculative-decoding",
    terms: ["speculative", "draft model", "assisted generation"],
    plain: [
      "small|tiny|cheap|fast model guess*|propose*|draft*|predict* next few|several word*|token*",
      "big|large|main|target model check*|verif*|accept* them|guess*|draft* in one|single pass|step",
      "keep* ones|token*|word* it agree*|accept*",
    ],
  },
  {
    id: "streaming",
    terms: ["stream", "sse", "server-sent", "token by token", "first token", "ttft"],
    plain: [
      "show*|send*|display*|print* word*|text|answer|reply|output as|while model produce*|generate*|write*|come*",
      "show*|send*|display* word*|text|output piece+by+piece|bit+by+bit|word+by+word",
      "user start* read*|see* after|within",
      "instead|rather of than wait* whole|full|entire reply|answer|response",
      "first word* appear*|show* after|within|in",
    ],
  },
  {
    id: "max-tokens",
    terms: ["max tokens", "max_tokens", "max output", "shorter output", "concise", "length limit"],
    plain: [
      "cap|limit|bound how long|length of answer*|reply|output|response",
      "ask* for|model short|shorter|brief answer*|reply|replies|output",
      "fewer output word*|token*",
    ],
  },
  {
    id: "model-routing",
    terms: ["route", "routing", "router", "smaller model", "small model", "cheaper model", "cheap model for", "-mini", "model tier"],
    plain: [
      "easy|simple|short|routine request*|question*|task*|lookup*|greeting* go|sent|send|handled to|by small|smaller|cheap|cheaper|fast|faster|tiny model",
      "only hard|difficult|complex one*|request*|question*|case* keep|go|get|use expensive|big|bigger|large|strong|frontier",
      "pick*|choose*|decide* model|size per|for each|every request|question|task",
      "send* hard|difficult|complex one*|request*|question* to big|bigger|large|strong|expensive",
    ],
  },
  {
    id: "cascade",
    terms: ["cascade", "cheap first", "try the cheap", "escalate to the frontier", "escalation"],
    plain: [
      "small|cheap|cheaper model first and only when|if answer|it|confidence look*|seem*|is weak|low|unsure|bad",
      "when|if answer|it look*|is weak|low|unsure send*|pass*|forward*|escalat* on|to big|bigger|strong|large|expensive",
      "try* small|cheap model first then big|bigger|strong|large|expensive",
    ],
  },
  {
    id: "distillation",
    terms: ["distil", "distill", "teacher", "synthetic label"],
    plain: [
      "big|large|strong|frontier model label*|answer*|write*|generate* example*|data|output* to train|teach|fine-tune small|smaller",
      "train|teach small|smaller|cheap model on|from output*|answer*|label* of big|bigger|large|strong",
      "small model copy|copies|imitat*|learn* from big|large|strong",
    ],
  },
  {
    id: "batch-api",
    terms: ["batch api", "batch job", "nightly", "off-peak", "batch"],
    plain: [
      "submit*|send*|queue*|run* together|all+at+once|in+bulk overnight|night|later",
      "provider* discounted|cheaper|half price for|if non-urgent|delayed|wait",
      "nobody read*|need* until next|following morning|day",
    ],
  },
  {
    id: "gpu-autoscaling",
    terms: ["autoscal", "scale down", "scale to zero", "scale up"],
    plain: [
      "add*|start* gpu*|machine*|server*|replica* when|as traffic|load|queue grow*|rise*|peak",
      "remove*|turn* off|stop*|shut* gpu*|machine*|server*|replica* when|at night|quiet|idle",
    ],
  },
  {
    id: "tensor-parallel",
    terms: ["tensor parallel", "tensor-parallel", "model parallel", "pipeline parallel"],
    plain: ["split*|spread*|shard* model|weight*|layer* across|over several|two|four|multiple gpu*"],
  },
  {
    id: "load-test",
    terms: ["load test", "load-test", "stress test", "benchmark", "at peak"],
    plain: [
      "send*|fire*|replay*|push* realistic|peak|expected traffic|request*|load at|against it|server|system before",
      "measure* how many request*|user* it|server|system handle*|take* before|at",
    ],
  },
  {
    id: "deterministic-decoding",
    terms: ["temperature 0", "temperature zero", "greedy", "deterministic", "seed"],
    plain: [
      "turn* off|down randomness|sampling",
      "always pick* most+likely|likeliest|most+probable word|token",
      "same input give*|produce*|return* same output|answer",
    ],
  },
  {
    id: "structured-output",
    terms: ["json schema", "structured output", "response_format", "json mode", "function call", "tool call", "constrained decoding"],
    plain: [
      "force*|constrain*|restrict* output|model|answer to fixed|given|exact shape|format|field*|schema",
      "model can only|must produce|return|fill fixed|given|exact field*|shape|format",
      "output must match|fit|follow fixed|given|exact shape|format|structure",
    ],
  },
  {
    id: "closed-label-set",
    terms: ["enum", "fixed list", "allowed values", "closed set", "only from the list", "allowed set"],
    plain: [
      "only|just pick*|choose*|return*|use label*|topic*|value*|categor* from|on|in given|fixed|allowed|our list|set",
      "reject*|refus*|map* any label*|value*|topic* not|outside on|in list|set",
    ],
  },
  {
    id: "history-truncation",
    terms: ["truncat", "sliding window", "summarise older", "summarize older", "conversation summary"],
    plain: [
      "drop*|cut*|remove*|trim* oldest|earliest|older turn*|message* when|once|to fit",
      "summar* older|earlier|old turn*|message*|part of conversation|chat",
      "keep* only last|latest|recent few|turn*|message*",
    ],
  },
];
