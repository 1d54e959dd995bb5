import type { LexiconEntry } from "../schema.js";

/** Reliability and distributed systems: retries, idempotency, queues, failover, consistency, rollout safety. */
export const RELIABILITY: LexiconEntry[] = [
  {
    id: "retry-backoff",
    terms: ["backoff", "back off", "back-off", "exponential", "retry with", "retries"],
    plain: [
      "try|retry again wait* longer|more",
      "wait* longer|more before|between|each attempt*|try|retry|time",
      "double|doubling|grow*|increase* wait|delay|pause",
      "wait|delay|pause double*|grow*|increase*",
      "wait|delay twice long",
      "each|every wait|delay long|longer than",
      "try|tried|retry again couple|few time",
      "space out attempt*|retr*|tries",
    ],
  },
  {
    id: "jitter",
    terms: ["jitter"],
    plain: [
      "random|randomness|randomis*|randomiz* wait|delay|pause|amount",
      "wait|delay|pause random|randomis*|randomiz*",
      "not|n't all|everyone come|retry|hit back|again same|once",
      "spread|stagger retr*|attempt*|client*",
      "bit|touch|dash of randomness",
    ],
  },
  {
    id: "circuit-breaker",
    terms: ["circuit breaker", "circuit-breaker", "circuit breaking", "health check", "health-check"],
    plain: [
      "stop send*|call*|rout* it|provider|service|them traffic|request*|call* while",
      "stop send*|call*|rout* to failing|broken|unhealthy",
      "fail* lot|many|most call*|request* stop",
      "probe|test|try it|provider|service now|again then|occasionally|periodically",
      "let request*|traffic through again",
      "take|pull out|off of rotation",
      "mark* provider|service|it unhealthy|down",
    ],
  },
  {
    id: "idempotency",
    terms: ["idempot", "idempotency key", "dedup", "exactly once", "exactly-once", "double refund", "pays twice"],
    plain: [
      "unique id|key|identifier for|per|of request|call|operation|action|refund|payment",
      "same id|key|identifier twice|again",
      "not|never|n't pay*|paid|charg*|refund*|do*|done|run|process*|apply|applied twice|second time|again",
      "repeat*|duplicate|second|retried delivery|request|call|event ignor*|skip*|drop*|nothing",
      "remember|record*|store*|keep which|what id*|identifier*|event*|request* already handl*|process*|seen|done",
      "already handl*|process*|seen skip|ignor*",
      "safe to retry|repeat|replay",
      "twice same effect|result as once",
    ],
  },
  {
    id: "dead-letter-queue",
    terms: ["dead-letter", "dead letter", "dlq", "poison"],
    plain: [
      "move*|put|park*|send* aside|away separate|holding|side queue|area|list|table",
      "keep* fail* after several|few|many|max attempt*|tries|retries move*|park*|set",
      "fail* message*|event*|job* separate|own queue|list|table inspect|replay|look",
      "park* fail* message*|event*|job*",
      "inspect and replay|retry|reprocess",
    ],
  },
  {
    id: "async-queue",
    terms: ["queue", "async", "enqueue", "message broker"],
    plain: [
      "put|push|drop|add job|task|message|work on|onto|into list|queue",
      "separate|background process*|worker* work|pick* through|up",
      "answer*|respond*|return* right+away|immediately|at+once work|process* later",
      "real|actual|heavy work happen*|done later",
      "not|never|n't wait* for model|call|job|work",
      "write* payload|event|request to durable|storage|disk answer*|respond*|return*",
    ],
  },
  {
    id: "ack-then-process",
    terms: ["acknowledge", "ack", "200 immediately", "enqueue"],
    plain: [
      "answer*|respond*|reply|return* provider|caller|sender right+away|immediately|at+once|straight+away",
      "write*|store*|save* payload|event|request durable|storage|disk|first answer*|respond*|return*",
      "real|actual work happen*|done later|afterwards",
    ],
  },
  {
    id: "fallback-provider",
    terms: ["fallback", "fall back", "failover", "fail over", "second provider", "secondary provider"],
    plain: [
      "provider|model|service error*|fail*|down|times out send*|go*|route*|switch* second|other|another|backup",
      "switch*|move|go* to|over other|another|second|backup provider|model|region|service",
      "when|if main|primary|first provider|model|service down|fail*|error* use|call|try other|another|second|backup",
      "backup provider|model|region take* over",
    ],
  },
  {
    id: "timeout",
    terms: ["timeout", "time out", "times out", "deadline"],
    plain: [
      "give up after|if second*|ms|millisecond*|while",
      "not|never|n't wait forever|indefinitely|longer than",
      "cap|limit|bound how long wait*|call|request",
      "cut|kill|abandon call|request after",
    ],
  },
  {
    id: "rate-limit-token-bucket",
    terms: ["rate limit", "rate-limit", "token bucket", "tokens per minute", "tpm", "rpm", "sliding window", "throttl"],
    plain: [
      "allowance|budget|quota of token*|request*|call* refill*|reset*|per|every minute|second",
      "refill* every|each|per minute|second",
      "call|request exceed* left|remaining|allowance|quota refus*|reject*|block*|wait*",
      "cap|limit how many request*|call*|token* per|each|every|a minute|second",
      "no+more+than request*|call*|token* per|every|a minute|second",
      "refus*|reject*|slow* down|block* caller|team|client|user over|past|above limit|allowance|quota",
    ],
    not: ["budget-cap"],
  },
  {
    id: "load-shedding-priority",
    terms: ["load shedding", "shed", "priority"],
    plain: [
      "near|at|over capacity drop*|delay*|defer*|reject* batch|overnight|background|less important",
      "user*|people waiting|on+screen|live go first|ahead",
      "drop*|delay*|defer*|postpone* overnight|batch|background|low-priority job*|work|request*",
      "serve* important|paying|live first",
    ],
  },
  {
    id: "backpressure",
    terms: ["backpressure", "back pressure", "back-pressure"],
    plain: [
      "slow* down producer*|sender*|intake|ingestion when queue|consumer*|worker*",
      "stop accept*|taking new|more work|request* until queue|backlog",
    ],
  },
  {
    id: "out-of-order-events",
    terms: ["out of order", "out-of-order", "sequence number", "version number"],
    plain: [
      "arrive|come in different|wrong|another order",
      "ignore|drop|discard|skip update*|event*|message* older|stale than",
      "each|every update|event|message carr*|has|get* counter|number|version",
      "newer|later update*|event* win*|override",
      "compare* counter|version|number before apply*|writ*",
    ],
  },
  {
    id: "transactional-outbox",
    terms: ["outbox", "transactional", "same transaction"],
    plain: [
      "write*|record*|save* message|event in|into same|one database commit|write|table",
      "update and message|event together|atomically",
      "both or neither",
      "relay|publisher|process read* table|row* send*|publish*",
    ],
  },
  {
    id: "eventual-consistency",
    terms: ["eventual consistency", "eventually consistent"],
    plain: [
      "replica*|copy|copies|read* catch up|behind later|while",
      "read* may|might|can see|return old|stale|outdated value*|data|version",
    ],
    not: ["strong-consistency"],
  },
  {
    id: "strong-consistency",
    terms: ["strong consistency", "strongly consistent", "linearizab", "linearisab"],
    plain: ["every|each read* see*|return* latest|last|newest write", "read* always latest|newest|most recent write|value"],
  },
  {
    id: "feature-flag",
    terms: ["feature flag", "feature-flag", "kill switch", "toggle"],
    plain: [
      "turn*|switch* off|on without deploy*|release|redeploy",
      "config switch|setting turn*|switch* off|on",
      "switch|button|setting disable*|turn+off feature|bot|it|agent",
    ],
  },
  {
    id: "rollback",
    terms: ["rollback", "roll back", "rolled back", "revert", "reverted"],
    plain: [
      "go|went|switch*|put back previous|old|last|earlier version|prompt|model|release",
      "undo change|deploy|release",
      "restore* previous|old|last good version|prompt|model|config",
    ],
  },
  {
    id: "blue-green",
    terms: ["blue-green", "blue/green"],
    plain: [
      "build* new index|copy|environment side|alongside switch*|flip*|point*",
      "switch*|flip*|point* alias|traffic|reads new index|copy|one once|when ready|built",
    ],
  },
  {
    id: "health-redundancy",
    terms: ["redundan", "n+1", "headroom"],
    plain: [
      "one|an extra|spare gpu|machine|node|server|replica in case",
      "survive|tolerate los*|fail* one|a gpu|machine|node|server|replica",
      "keep|leave room|capacity spare for peak|spike|burst",
    ],
  },
  {
    id: "sharding",
    terms: ["shard"],
    plain: ["split data|index|table across|over machine*|node*|server*", "each machine|node|server hold*|own*|store* part|slice|portion"],
  },
  {
    id: "replication",
    terms: ["replica", "replication"],
    plain: [
      "copy|copies of data|index|database on|across several|more|other machine*|node*|server*|zone*",
      "keep several|multiple|extra copies",
    ],
  },
  {
    id: "cache-invalidation",
    terms: ["invalidat", "ttl", "expire", "expiry", "evict", "purge"],
    plain: [
      "throw*|thrown|drop*|delete*|clear*|remove* stored|cached|saved answer*|entry|entries|result* when|if|after source|article|prompt|model|version|it change*",
      "stored|cached|saved answer*|entry|entries|result* expire*|drop*|delete* after hour*|day*|minute*|week",
      "keep* answer*|entry|entries for|only hour*|day*|minute*",
      "when source|article|document|page|version change* drop*|clear*|refresh*|recompute*",
    ],
  },
  {
    id: "graceful-degradation",
    terms: ["graceful degradation", "degrade gracefully", "degraded mode"],
    plain: ["still answer*|work*|serve* reduced|simpler|basic|partial when|if", "fall back to simpler|basic|cached|static"],
  },
  {
    id: "stack",
    terms: ["stack", "lifo", "last in, first out", "last-in-first-out"],
    plain: [
      "last item|element|one put|added|pushed in first|one taken|removed|out",
      "remove*|take*|pop* most recently|newest|latest added|pushed",
    ],
    not: ["queue-fifo"],
  },
  {
    id: "queue-fifo",
    terms: ["fifo", "first in, first out", "first-in-first-out"],
    plain: [
      "first item|element|one put|added|in first|one taken|removed|served|out",
      "serve*|process*|handle* order|in they arrive*|came",
      "oldest first|taken|served|out",
    ],
  },
];
