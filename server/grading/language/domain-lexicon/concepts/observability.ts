import type { LexiconEntry } from "../schema.js";

/** Observability: traces, correlation ids, logs of what ran, dashboards, alerts, percentiles, lag. */
export const OBSERVABILITY: LexiconEntry[] = [
  {
    id: "tracing",
    terms: ["trace", "tracing", "span", "opentelemetry", "otel", "correlation id", "request id", "trace id"],
    plain: [
      "follow*|track*|see* each|every|one request|event|call|conversation|message through|across every|each|whole|all step*|service*|system|stage*",
      "record*|log*|time* each|every step|stage|call|tool call with|in its own|one id|entry|timing",
      "same|one|shared id across|through|on every|each|all step*|service*|log*|call*",
    ],
  },
  {
    id: "version-logging",
    terms: ["prompt version", "model version", "which prompt", "model name"],
    plain: [
      "record*|log*|store*|save*|keep* which prompt|model|version|release produce*|generated|wrote|answered|us*",
      "every|each answer|output|log|entry|call carr*|has|keep* version of prompt|model",
    ],
  },
  {
    id: "dashboards-metrics",
    terms: ["dashboard", "grafana", "prometheus", "metrics"],
    plain: [
      "chart*|graph*|screen|page show*|track*|plot* error*|latency|cost|rate*|score*|number* over time|per|by|each|every",
      "watch*|track*|plot* error*|latency|cost|rate*|score* per|by|each|every day|hour|team|feature",
    ],
  },
  {
    id: "alerting",
    terms: ["alert", "page", "paged", "pager", "on-call"],
    plain: [
      "notif*|wake*|ping*|message*|call* engineer*|on+call|someone|team|me|us when|if error*|latency|rate|score*|cost|lag|queue",
      "someone|engineer* get* notified|woken|pinged|called when|if",
      "when|if error*|latency|lag|rate|score*|cost|spend go*|rise*|cross*|pass*|exceed*|drop* above|below|over|past limit|line|level|threshold|minute|hour",
    ],
  },
  {
    id: "latency-percentiles",
    terms: ["p95", "p99", "p50", "percentile", "tail latency"],
    plain: [
      "slowest|worst few|one|5|five percent|%|in twenty|in hundred of request*|call*|user*",
      "95|99 out of|percent|% of request*|call*|user* faster|under|within|wait less",
    ],
  },
  {
    id: "lag-monitoring",
    terms: ["lag", "backlog", "queue depth", "falling behind"],
    plain: [
      "how far|long behind|queue|work*|consumer*|worker* fall*|fell|are|run*|be",
      "how many event*|message*|job*|item* wait*|pile* up|queue*|unprocessed",
      "oldest unprocessed|waiting event|message|job|item",
    ],
  },
  {
    id: "structured-logging",
    terms: ["structured log", "json logs", "log fields"],
    plain: ["log* as|in field*|key*|json not|rather|instead free text|prose|sentence*"],
  },
  {
    id: "cost-attribution",
    terms: ["cost attribution", "chargeback", "showback", "per-team key", "team_id", "team id", "tagged", "virtual key", "attribut"],
    plain: [
      "tag*|label*|mark* each|every request|call with|by team|feature|customer|owner",
      "know*|see*|count*|bill*|charge* which|each|every team|feature|customer spend*|cost*|use*|pay*",
      "each|every team|feature see*|pay*|get* bill|own cost|spend|share",
    ],
  },
  {
    id: "runbook",
    terms: ["runbook", "playbook"],
    plain: ["written|write*|wrote step*|instruction*|page|document for|on what on-call|responder|someone|engineer do*|check*"],
  },
  {
    id: "postmortem",
    terms: ["postmortem", "post-mortem", "incident review", "retro", "write-up"],
    plain: [
      "write*|wrote up|down what happened|went wrong|why and|with what change*|action*|fix*",
      "review* meeting|document after|of incident|outage",
    ],
  },
  {
    id: "blameless",
    terms: ["blameless", "no blame", "not about blame", "psychological safety"],
    plain: [
      "not|never|n't blame|point finger* at|punish* person|engineer|anyone|who|individual",
      "focus*|look* on|at system|process|gap* not|rather|instead person|people|who|individual",
    ],
  },
];
