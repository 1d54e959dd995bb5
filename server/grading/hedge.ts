import type { Criterion } from "../scenarios/index.js";
import { oppositeOf, type Analysis } from "./language/index.js";
import { findTerm } from "./match.js";
import { clauseAround, type Roles } from "./roles.js";

/**
 * A hedge: the key point offered as one of several answers that cannot all be
 * true ("A stack could be LIFO or FIFO", "either FIFO or LIFO, I forget which",
 * "it's maybe O(log n), or O(n)", "TCP or UDP guarantees delivery"). Whoever
 * lists both sides of a fork has not said which one holds, so the point earns
 * nothing there.
 *
 * Precisely: a term found in the answer is hedged when it is one member of a
 * list joined by "or" (X or Y, X, or Y, either Y or X, X, Y or Z; short
 * members, at most a few fillers such as "maybe", "it could be", an article
 * after a joint) and another member Y is a rival of X:
 * 1. X's own opposite ("connected or not connected");
 * 2. on a question contrasting two things (roles.ts), a term the references
 *    say of the other one ("LIFO or FIFO" of a stack); and so is a clause whose
 *    subject offers both things ("TCP or UDP guarantees delivery");
 * 3. where one fact is asked (one criterion, or a short-answer item), a term of another criterion of
 *    the question (a different point, not a second way of making this one);
 * 4. a value of the same kind as X and different from it: another big-O
 *    expression ("O(log n) or O(n)"), another number with the same unit ("10 ms
 *    or 100 ms"), and where one fact is asked another acronym in capitals ("LIFO
 *    or FIFO", "TCP or UDP").
 * Kinds 3 and 4's acronyms hold only where one fact is asked: in a design answer
 * "a cache or batching", "REST or gRPC" are options offered, not a fork left open.
 * Never a rival: another term of X's own concept ("LIFO, or last-in-first-out",
 * a restatement), or of another concept of X's own criterion (unless 2 holds):
 * both are key points of one list, either all needed ("no preemption or
 * circular wait") or each acceptable ("chaining or open addressing" when
 * `evidence.enough` asks for one). Uncertainty alone is no hedge: "I think
 * it's LIFO" and "probably O(log n)" commit to one answer and keep their credit.
 */
export type HedgeContext = {
  /** Terms of X's criterion, by concept label: restatements and list mates. */
  criterion: Criterion;
  /** Terms of the question's other criteria. */
  otherTerms: readonly string[];
  roles: Roles | null;
  /** One fact asked (one criterion, or a short-answer item): kinds 3 and 4's acronyms apply. */
  factual: boolean;
};

const FILLERS = String.raw`(?:(?:maybe|perhaps|possibly|probably|even|else|it'?s|it\s+is|it\s+was|it\s+(?:could|might|may)\s+be|(?:could|might|may)\s+be|the|an?)\s+)*`;
/** What joins two members of a list: a comma, "or", ", or", then fillers. */
const SEPARATOR_AFTER = new RegExp(String.raw`^(?:\s*,\s*(?:or\s+)?|\s+or\s+)${FILLERS}`, "i");
const SEPARATOR_BEFORE = new RegExp(String.raw`(?:\s*,\s*(?:or\s+)?|\s+or\s+)${FILLERS}$`, "i");
/** A list member is short; a longer stretch, or one joined by "and", ends the list. */
const MAX_MEMBER_WORDS = 5;
const MAX_MEMBERS = 4;

const BIG_O = /^o\s*\([^()]*(?:\([^()]*\)[^()]*)*\)/i;
const BIG_O_END = /o\s*\([^()]*(?:\([^()]*\)[^()]*)*\)$/i;
const ACRONYM = /^[A-Z]{2,6}\b/;
const ACRONYM_END = /\b[A-Z]{2,6}$/;
const NUMBER = /^(\d[\d.,]*)\s*([a-zµ%]+)?/i;

/** Whether the term matched at [start, end) of the analysed text is offered as one of rival alternatives. */
export function hedged(a: Analysis, tokenIndex: number, start: number, end: number, term: string, ctx: HedgeContext): boolean {
  const text = a.text;
  if (ctx.roles && offersBothEntities(a, tokenIndex, term, ctx.roles)) return true;
  const [from, to] = itemAround(text, start, end);
  if (!orNear(a, from, to)) return false;
  const item = text.slice(from, to);
  const list = coordination(text, from, to);
  if (!list.disjunction) return false;
  const rivals = rivalTerms(term, ctx);
  if (list.after.length) {
    const lower = text.toLowerCase();
    if (list.after.some((p) => rivalStartsAt(text, lower, p, item, rivals, ctx))) return true;
  }
  return list.before.some((q) => rivalEndsAt(text.slice(Math.max(0, q - 80), q), item, rivals, ctx));
}

/**
 * Whether an "or" stands within reach of the item at [from, to): without one, the list around it (coordination)
 * is no disjunction, and nothing is hedged. Each separator is read within 320 characters (a separator and a member,
 * 160 each) of the last, at most MAX_MEMBERS times either side of the item, and its "or" stands between spaces or
 * a comma, so it is a whole word of the text too; the margin below is wider. Every term found in an answer asks
 * this, and most answers have no "or" near most of their terms: the list was read around each of them.
 */
function orNear(a: Analysis, from: number, to: number): boolean {
  let at = orPositions.get(a);
  if (!at) orPositions.set(a, (at = [...a.text.matchAll(/\bor\b/gi)].map((m) => m.index)));
  return at.some((p) => p >= from - OR_REACH && p <= to + OR_REACH);
}
const OR_REACH = MAX_MEMBERS * 320 + 200;
const orPositions = new WeakMap<Analysis, number[]>();

/**
 * The list the item at [from, to) stands in: where each member after it starts and each member
 * before it ends ("LIFO, FIFO or random", "either FIFO or LIFO"), and whether the list is a
 * disjunction (an "or" joins it). A list runs to the clause's end; a long member or one holding
 * "and" is the last one read.
 */
function coordination(text: string, from: number, to: number): { after: number[]; before: number[]; disjunction: boolean } {
  const after: number[] = [];
  const before: number[] = [];
  let disjunction = false;
  const short = (member: string) => !/\band\b/i.test(member) && member.trim().split(/\s+/).length <= MAX_MEMBER_WORDS;
  for (let pos = to; after.length < MAX_MEMBERS;) {
    const sep = SEPARATOR_AFTER.exec(text.slice(pos, pos + 160));
    if (!sep) break;
    disjunction ||= /\bor\b/i.test(sep[0]);
    const start = pos + sep[0].length;
    after.push(start);
    const member = /^[^,.;:!?\n]*?(?=\s*,|\s+or\s|\s*[.;:!?\n]|$)/i.exec(text.slice(start, start + 160))?.[0] ?? "";
    if (!member || !short(member)) break;
    pos = start + member.length;
  }
  for (let pos = from; before.length < MAX_MEMBERS;) {
    const left = text.slice(Math.max(0, pos - 160), pos);
    const sep = SEPARATOR_BEFORE.exec(left);
    if (!sep) break;
    disjunction ||= /\bor\b/i.test(sep[0]);
    const end = pos - sep[0].length;
    before.push(end);
    const run = /[^,.;:!?\n]*$/.exec(text.slice(Math.max(0, end - 160), end))?.[0] ?? "";
    const member = run.split(/\s+or\s+/i).at(-1) ?? "";
    if (!member.trim() || !short(member)) break;
    pos = end - member.length;
  }
  return { after, before, disjunction };
}

/** The whole item a match stands in: "log n" inside "O(log n)" is the item "O(log n)". */
function itemAround(text: string, start: number, end: number): [number, number] {
  const open = /o\s*\(\s*$/i.exec(text.slice(Math.max(0, start - 4), start));
  const close = /^[^()]*\)/.exec(text.slice(end));
  if (open && close) return [start - open[0].length, end + close[0].length];
  // A match read by its words ends before its closing bracket: "O(log n" is the item "O(log n)".
  const unclosed = (text.slice(start, end).match(/\(/g)?.length ?? 0) > (text.slice(start, end).match(/\)/g)?.length ?? 0);
  const closing = /^\s*\)/.exec(text.slice(end));
  if (unclosed && closing) return [start, end + closing[0].length];
  return [start, end];
}

type Rivals = { rivals: string[]; mates: string[] };

/**
 * The strings that rival a term (kinds 1-3), lower-case, and the terms that never do: worked out once per
 * term and reading of a criterion, not again at every match. Keyed by all that decides them: the criterion,
 * the other criteria's terms (one list per question, see grade-question.ts), the contrast's roles and
 * whether one fact is asked.
 */
function rivalTerms(term: string, ctx: HedgeContext): Rivals {
  let byOthers = rivalCache.get(ctx.criterion);
  if (!byOthers) rivalCache.set(ctx.criterion, (byOthers = new WeakMap()));
  let byRoles = byOthers.get(ctx.otherTerms);
  if (!byRoles) byOthers.set(ctx.otherTerms, (byRoles = new WeakMap()));
  const roles = ctx.roles ?? NO_ROLES;
  let byTerm = byRoles.get(roles);
  if (!byTerm) byRoles.set(roles, (byTerm = new Map()));
  const key = `${ctx.factual ? "1" : "0"}${term}`;
  let found = byTerm.get(key);
  if (!found) byTerm.set(key, (found = learnRivals(term, ctx)));
  return found;
}
const rivalCache = new WeakMap<Criterion, WeakMap<readonly string[], WeakMap<object, Map<string, Rivals>>>>();
const NO_ROLES = {};

function learnRivals(term: string, ctx: HedgeContext): Rivals {
  const rivals = [oppositeOf(term).toLowerCase()];
  const owner = ctx.roles?.owners.get(term);
  if (owner && ctx.roles) for (const [t, o] of ctx.roles.owners) if (o !== owner) rivals.push(t.toLowerCase());
  const mates = ctx.criterion.evidence.concepts.flatMap((c) => c.terms.map((t) => t.toLowerCase())).filter((t) => !rivals.includes(t));
  if (ctx.factual) for (const t of ctx.otherTerms) if (!mates.includes(t.toLowerCase())) rivals.push(t.toLowerCase());
  return { rivals, mates };
}

function rivalStartsAt(text: string, lower: string, at: number, item: string, { rivals, mates }: Rivals, ctx: HedgeContext): boolean {
  const startsWith = (t: string) => lower.startsWith(t, at) && findTerm(lower, t, { from: at }) === at;
  if (rivals.some(startsWith)) return true;
  if (mates.some(startsWith)) return false;
  const rest = text.slice(at);
  const other = BIG_O.exec(item)
    ? BIG_O.exec(rest)?.[0]
    : ctx.factual && ACRONYM.test(item)
      ? ACRONYM.exec(rest)?.[0]
      : sameUnit(item, rest);
  return other !== undefined && norm(other) !== norm(item);
}

function rivalEndsAt(left: string, item: string, { rivals, mates }: Rivals, ctx: HedgeContext): boolean {
  const lower = left.toLowerCase();
  const endsWith = (t: string) => lower.endsWith(t) && findTerm(lower, t, { from: lower.length - t.length }) === lower.length - t.length;
  if (rivals.some(endsWith)) return true;
  if (mates.some(endsWith)) return false;
  const other = BIG_O.exec(item)
    ? BIG_O_END.exec(left)?.[0]
    : ctx.factual && ACRONYM.test(item)
      ? ACRONYM_END.exec(left)?.[0]
      : sameUnit(item, /\d[\d.,]*\s*[a-zµ%]*$/i.exec(left)?.[0] ?? "");
  return other !== undefined && norm(other) !== norm(item);
}

/** Another number with the same unit at the start of `rest` ("100 ms" beside "10 ms"). */
function sameUnit(item: string, rest: string): string | undefined {
  const mine = NUMBER.exec(item);
  const theirs = NUMBER.exec(rest);
  if (!mine || !theirs || !mine[2] || (mine[2] ?? "").toLowerCase() !== (theirs[2] ?? "").toLowerCase()) return undefined;
  return theirs[0];
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, "");

/** The term's clause offers both things of a contrast as alternatives: "TCP or UDP guarantees delivery". */
function offersBothEntities(a: Analysis, index: number, term: string, roles: Roles): boolean {
  if (!roles.owners.has(term)) return false;
  const [from, to] = clauseAround(a, index);
  const words = a.tokens.slice(from, to + 1);
  const entityAt = (j: number) => {
    const b = words[j];
    return b ? roles.entities.find((e) => b.lemma === e || b.word === e || b.word === `${e}s` || b.word === `${e}es`) : undefined;
  };
  for (let j = 0; j + 2 < words.length; j++) {
    const e = entityAt(j);
    const f = entityAt(j + 2);
    if (e && f && e !== f && words[j + 1]!.word === "or") return true;
  }
  return false;
}
