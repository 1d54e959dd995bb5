import type { LexiconEntry } from "../schema.js";

/** Agents and tools: budgets, approvals, least privilege, orchestration, hand-offs, tool errors. */
export const AGENTS: LexiconEntry[] = [
  {
    id: "step-budget",
    terms: ["step limit", "max steps", "loop limit", "budget", "token limit", "max calls", "call budget", "max iterations"],
    plain: [
      "stop*|end*|halt*|cut* agent|loop|it off after fixed|set|certain|maximum number|amount of action*|step*|call*|turn*|text|token*",
      "fixed|maximum|set number of action*|step*|call*|turn*|tool call*",
      "cannot|can't|never|not run|loop|go forever|indefinitely|endlessly",
      "at+most few|ten|twenty|five|three step*|action*|call*|turn*",
    ],
  },
  {
    id: "human-approval",
    terms: [
      "human approval",
      "approval",
      "human in the loop",
      "human-in-the-loop",
      "sign-off",
      "needs approval",
      "requires approval",
      "confirm",
    ],
    plain: [
      "person|human|agent|staff|someone|manager|reviewer approve*|check*|review*|okay*|sign* before|it act*|send*|go*|execute*",
      "draft* reply|action|refund|email for|to person|human|staff|agent|someone to approve|check|send",
      "nothing|no action|refund|email go*|sent|execut* without person|human|someone|approval",
      "wait* for person|human|someone|staff|manager to approve|confirm|ok",
    ],
  },
  {
    id: "least-privilege",
    terms: ["least privilege", "least-privilege", "permission", "rbac", "role-based", "read-only"],
    plain: [
      "each|every agent|tool|service allowed|able|permitted|given|get* only|just what|the its own|task need*|require*",
      "only what|access its|task need*|require*|requires",
      "nothing more than need*|require*",
      "only|just read not|never|cannot|can't write|change|delete",
      "minimum|smallest access|rights|permission* need*",
    ],
  },
  {
    id: "limits-in-code",
    terms: [
      "enforced in code",
      "server-side",
      "server side",
      "hard limit",
      "hard cap",
      "policy engine",
      "outside the model",
      "the model cannot",
    ],
    plain: [
      "limit*|cap*|rule*|check* live*|sit*|enforce*|run* in|by tool|service|code|server|api not|rather|instead prompt|model",
      "model cannot|can't|never exceed*|bypass*|override|go+over|change",
      "code|service|server|api refus*|reject*|block* any|amount*|refund*|call* over|above|beyond limit|cap",
    ],
  },
  {
    id: "orchestrator",
    terms: ["orchestrator", "supervisor", "owns the conversation", "coordinator", "planner"],
    plain: [
      "one|single|main|central agent|model own*|keep*|run*|hold* conversation|plan and call*|hand*|delegat*",
      "main|central agent decide*|choose* which|specialist|helper|tool|sub",
    ],
  },
  {
    id: "agent-as-tool",
    terms: ["as a tool", "as tools", "agent-as-tool", "sub-agent", "subagent"],
    plain: [
      "call* specialist*|helper*|other agent* like|as function*|tool* return* result|answer",
      "specialist*|helper* answer*|return* to|back main|central|orchestrat* not|never|instead talk* customer",
    ],
  },
  {
    id: "single-agent-default",
    terms: ["single agent", "one agent", "fewer agents", "merge the agents", "collapse"],
    plain: [
      "one|single model|agent with|that has all|several|many tool* instead|rather",
      "merge*|combine*|fold* agent*|them into one|single|fewer",
    ],
  },
  {
    id: "structured-handoff",
    terms: ["structured hand-off", "structured handoff", "shared state", "state store", "required fields", "handoff schema"],
    plain: [
      "pass*|hand*|send* fixed|typed|structured form|record|object|field*|summary with|of customer|booking|detail*|fact*",
      "write*|store*|keep* fact*|detail*|what known|learned in|to shared|one|common record|store|place every|each agent read*",
    ],
  },
  {
    id: "handoff-limit",
    terms: ["hand-off limit", "handoff limit", "max hand-offs", "ping-pong", "bounce"],
    plain: [
      "pass*|hand*|transfer*|move* between agent*|specialist* at+most|only|no+more+than twice|two|once",
      "go*|bounc*|pass*|passing back+and+forth",
      "after two|second|third|few pass*|transfer*|time* go*|send*|escalat* to person|human",
    ],
  },
  {
    id: "tool-error-feedback",
    terms: ["feed the error", "error message back", "with the error", "actionable error", "says exactly what to fix"],
    plain: [
      "send*|feed*|give*|pass*|return* error|failure|message|traceback back to model|agent|it so|to fix|correct|retry|try",
      "model|agent|it see*|read*|get* what went wrong|error and fix*|correct*|retr*|tries",
    ],
  },
  {
    id: "dry-run-verify",
    terms: ["dry run", "dry-run", "execute", "run the query", "read replica", "explain"],
    plain: [
      "try*|test*|run*|execute* generated|its|the sql|query|code|command against|on copy|replica|sandbox|test+database",
      "make+sure|check it|query|sql|code work*|run*|return* row*|result*|compile*",
    ],
  },
  {
    id: "task-shaped-tools",
    terms: ["task-shaped", "fewer tools", "high-level tool", "higher-level tools", "not one per endpoint", "consolidat"],
    plain: [
      "one tool per task|job|thing user*|people do|want rather|instead|not endpoint",
      "group*|merge*|combine*|wrap* several|many endpoint*|call*|api* into one|single|fewer tool*",
    ],
  },
  {
    id: "tool-subset",
    terms: ["subset", "tool search", "only the tools", "load tools", "tools its task needs", "per-task"],
    plain: [
      "give*|show*|load*|expose* agent|model|it only|just tool* task|job|step need*|relevant",
      "pick*|choose*|select* which few tool* load|show|expose per|for each|every task|request|step",
    ],
  },
  {
    id: "delegated-identity",
    terms: ["on behalf of", "delegated", "user's token", "oauth", "user identity", "their own permissions", "the user's permissions"],
    plain: [
      "act*|call*|run* as|with user*|caller*|person* own|their account|identity|right*|permission*|credential*",
      "agent can|see|do only what|whatever user|person|caller themselves|could|can",
    ],
  },
  {
    id: "barge-in",
    terms: ["barge-in", "barge in", "interrupt", "stop speaking", "cancel the tts"],
    plain: [
      "caller|user|customer start* talk*|speak* while|when agent|bot|it speak*|talk*",
      "agent|bot|it stop*|go*|fall* quiet|silent immediately|at+once|straight+away|instantly",
    ],
  },
  {
    id: "read-back-confirm",
    terms: ["read back", "read it back", "repeat back", "confirm the date", "confirm the time", "confirmation", "confirm before"],
    plain: [
      "say*|read*|repeat* date|time|detail*|booking|order|it back to caller|user|customer",
      "wait* for caller|user|customer|them to say|confirm right|correct|yes",
    ],
  },
];
