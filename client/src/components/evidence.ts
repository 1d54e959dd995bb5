import type { ReportQuestion } from "../../../server/contracts/index.js";

type Criterion = ReportQuestion["criteria"][number];

/** What one highlighted span is evidence for. */
export type EvidenceSupport = { criterionId: string; title: string; note: string };

/** A span [start, end) of one answer text that equals an evidence quote. */
export type EvidenceRange = { start: number; end: number; support: EvidenceSupport };

/** A run of answer text, highlighted when `supports` is not empty. */
export type TextSegment = { text: string; supports: EvidenceSupport[] };

/** Quotes shorter than this would light up every "a" and "to": skip them. */
const MIN_QUOTE_LENGTH = 3;

const LEADING_ELLIPSIS = /^(?:…|\.\.\.)\s*/;
const TRAILING_ELLIPSIS = /\s*(?:…|\.\.\.)$/;

/** The quote as it appears in the answer: graders shorten long quotes with a leading/trailing ellipsis. */
export function stripQuote(quote: string): string {
  return quote.trim().replace(LEADING_ELLIPSIS, "").replace(TRAILING_ELLIPSIS, "").trim();
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** A shortened quote may start or end mid-word: widen that side to the whole word, so marks do not split words. */
function toWordEdges(text: string, hit: Hit, cutStart: boolean, cutEnd: boolean): Hit {
  let { start, end } = hit;
  if (cutStart) while (start > 0 && WORD_CHAR.test(text[start - 1]!) && WORD_CHAR.test(text[start]!)) start--;
  if (cutEnd) while (end < text.length && WORD_CHAR.test(text[end]!) && WORD_CHAR.test(text[end - 1]!)) end++;
  return { ...hit, start, end };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Hit = { body: number; start: number; end: number };

function exactHits(bodies: readonly string[], quote: string): Hit[] {
  const hits: Hit[] = [];
  bodies.forEach((text, body) => {
    for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + quote.length)) {
      hits.push({ body, start: i, end: i + quote.length });
    }
  });
  return hits;
}

/** Regex search on the original text, so offsets stay right even where lower-casing would change lengths. */
function regexHits(bodies: readonly string[], pattern: RegExp): Hit[] {
  const hits: Hit[] = [];
  bodies.forEach((text, body) => {
    for (const m of text.matchAll(pattern)) {
      if (m[0].length > 0) hits.push({ body, start: m.index, end: m.index + m[0].length });
    }
  });
  return hits;
}

/**
 * Where a quote occurs in the answer texts: case-sensitively if anywhere, else
 * case-insensitively, else (case-insensitively) with any run of whitespace
 * standing for any other, since answers are re-flowed before grading. None: [].
 * A shortened quote's cut ends are widened to whole words.
 */
export function findQuote(bodies: readonly string[], rawQuote: string): Hit[] {
  const quote = stripQuote(rawQuote);
  if (quote.length < MIN_QUOTE_LENGTH) return [];
  const cutStart = LEADING_ELLIPSIS.test(rawQuote.trim());
  const cutEnd = TRAILING_ELLIPSIS.test(rawQuote.trim());
  return locate(bodies, quote).map((hit) => toWordEdges(bodies[hit.body]!, hit, cutStart, cutEnd));
}

function locate(bodies: readonly string[], quote: string): Hit[] {
  const exact = exactHits(bodies, quote);
  if (exact.length > 0) return exact;
  const insensitive = regexHits(bodies, new RegExp(escapeRegExp(quote), "giu"));
  if (insensitive.length > 0) return insensitive;
  const words = quote.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  return regexHits(bodies, new RegExp(words.map(escapeRegExp).join("\\s+"), "giu"));
}

/** Every span of each answer text that equals an evidence quote of these criteria, per text. */
export function evidenceRanges(bodies: readonly string[], criteria: readonly Criterion[]): EvidenceRange[][] {
  const ranges: EvidenceRange[][] = bodies.map(() => []);
  for (const c of criteria) {
    for (const e of c.evidence) {
      for (const hit of findQuote(bodies, e.quote)) {
        ranges[hit.body]!.push({ start: hit.start, end: hit.end, support: { criterionId: c.criterionId, title: c.title, note: e.note } });
      }
    }
  }
  return ranges;
}

const supportKey = (s: EvidenceSupport) => `${s.criterionId}\u0000${s.note}`;
const supportsKey = (list: EvidenceSupport[]) => list.map(supportKey).join("\u0001");

/**
 * The text cut into plain and highlighted runs. Overlapping quotes split into
 * pieces, each carrying every criterion whose quote covers it.
 */
export function segmentText(text: string, ranges: readonly EvidenceRange[]): TextSegment[] {
  const valid = ranges.filter((r) => r.start >= 0 && r.end <= text.length && r.start < r.end);
  if (valid.length === 0) return text ? [{ text, supports: [] }] : [];
  const cuts = [...new Set([0, text.length, ...valid.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const supports: EvidenceSupport[] = [];
    const seen = new Set<string>();
    for (const r of valid) {
      if (r.start <= from && r.end >= to && !seen.has(supportKey(r.support))) {
        seen.add(supportKey(r.support));
        supports.push(r.support);
      }
    }
    const last = segments[segments.length - 1];
    if (last && supportsKey(last.supports) === supportsKey(supports)) last.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), supports });
  }
  return segments;
}

/** The tooltip of a highlight: which criterion each quote supports, and the grader's note. */
export function describeSupports(supports: readonly EvidenceSupport[]): string {
  const lines = supports.map((s) => (s.note ? `${s.title}: ${s.note}` : s.title));
  return lines.length === 1 ? `Evidence for ${lines[0]}` : `Evidence for:\n${lines.map((l) => `• ${l}`).join("\n")}`;
}

/** The answer texts of a question's turns, in transcript order, as TranscriptTurn shows them. */
export function turnBodies(turn: ReportQuestion["turns"][number]): { main: string | null; explanation: string | null } {
  const a = turn.answer;
  if (!a) return { main: null, explanation: null };
  const main = a.code ?? a.text ?? null;
  const explanation = a.code !== undefined && a.text ? a.text : null;
  return { main, explanation };
}
