import { addressedToReader } from "./addressed.js";

/**
 * Notes written to whoever marks the answer rather than to the interviewer: "Grader: also credit
 * ...", "For the evaluator: I also ...", "(To whoever marks this: I covered ...)", "You should
 * note that I know about ...", "Please count ... as covered", and claims that the rubric was
 * amended. An honest answer explains things to the interviewer; it never tells the marker what to
 * credit. The checks read the sentence's structure (who it is addressed to, what it asks for), not
 * a list of attack phrases, so a new wording of the same move is caught.
 */

/** The people (or models) who mark an answer. "Interviewer" is not one: answering them is the point. */
const MARKER =
  "(?:(?:ai|llm|automated|automatic|human|final|second)\\s+)?(?:grader|marker|evaluator|assessor|examiner|reviewer|judge|scorer|grading (?:model|team|panel)|marking (?:team|panel)|hiring (?:committee|panel))s?";
/** A verb of marking: what whoever marks this does. */
const MARKS = "(?:mark|grad|evaluat|assess|scor|judg|review|read|check)\\w*";
/** "this", "this answer", "my answer": the candidate's own text as the object of marking. */
const THIS_ANSWER =
  "(?:(?:this|my) (?:answer|response|submission|solution|essay|reply|work)\\b|this(?=\\s*(?:$|[,.:;!?)—–-]|(?:could|would|will|should|can|may|might|must|please|to|is|are|that|and|for|answer)\\b)))";

/**
 * A note headed to the marker role, read where a note may start (a sticky regex: `lastIndex` is that start):
 * "Grader:", "Reviewer note:", "For the evaluator:", "To whoever marks this:", "@grader".
 */
const HEADED_TO_MARKER = new RegExp(
  [
    // "(a quick) note/message/word (to|for) the grader", "for the evaluator:", "to whoever marks this:".
    `(?:(?:a |one )?(?:quick |short |brief |small |final )?(?:note|message|word|ps|p\\.s\\.|nb|memo|comment|reminder|aside|hint|request)s?\\s+)?(?:to|for)\\s+(?:the\\s+)?(?:${MARKER}|whoever\\b[^:,.;]{0,40}|the (?:person|people|one)\\b[^:,.;]{0,40}|anyone (?:${MARKS})\\b[^:,.;]{0,30})\\s*(?:[:,!—–]|-\\s)`,
    `(?:dear|hi|hello|hey|attention|attn)\\b[\\s,:]*(?:the\\s+)?(?:${MARKER}|whoever\\b)`,
    // "Grader:", "Reviewer note:", "Evaluator, ...", "Judge's note -", "grading note:", "For the record, examiner:".
    `(?:[\\w' ]{1,30},\\s*)?(?:the\\s+)?${MARKER}(?:'s|s')?(?:\\s+(?:note|notice|notes|instructions?|guidance|memo|hint|comment|request|ps))?["”'’]?\\s*(?:[:,!—–]|-\\s)`,
    `(?:grading|marking|scoring) (?:note|notes|notice|hint|guidance|instructions?|memo|request)\\s*(?:[:—–]|-\\s)`,
    `[\\s(]?@(?:${MARKER})\\b`,
  ].join("|"),
  "y",
);
/** "@grader" anywhere after a note's start ("ping (@judge) ..."): a header wherever it stands. */
const AT_MARKER = new RegExp(`[\\s(]@(?:${MARKER})\\b`, "g");
/** "whoever evaluates this", "the person marking my answer", "anyone who grades this": the marker, spoken of anywhere in a sentence. */
const WHOEVER_MARKS = new RegExp(
  `\\b(?:whoever|whomever|anyone who|the (?:person|people|one|human|ai|model|llm)s?(?: who)?)\\s*(?:is |are |will be |'s |'ll be |will |'ll |gets to )?(?:${MARKS})\\s+(?:${THIS_ANSWER})`,
);
/** To "you": "you should note that", "as you can see", "I hope you'll credit", "I want you to know". */
const YOU_ATTEND =
  /\byou(?:'ll| will| should| must| may| might| can| could| would| to)?\s+(?:also\s+|please\s+|kindly\s+|(?:wish|want|like|need|care|be able|have) to\s+)?(?:note|notice|see|keep in mind|bear in mind|take into account|take note|remember|find|credit|count|consider|recogni[sz]e|acknowledge|agree|know|realise|realize|mark|score|grade)\b/;
/** A request to attend to something, to no one in particular: "please note that", "kindly keep in mind", "do note". */
const PLEASE_ATTEND =
  /\b(?:please|kindly|do)\s+(?:also\s+)?(?:note|notice|keep in mind|bear in mind|take into account|take note|remember|consider|recogni[sz]e|acknowledge)\b|\b(?:it )?(?:should|must|is worth) (?:be )?not(?:ed|ing)\b/;
/** The writer claiming what they know or covered, or speaking of their own answer. */
const WRITER_CLAIM =
  /\bi(?:'ve|'m|'d| have| had| am| did| do)?\s+(?:also\s+|already\s+|indeed\s+|fully\s+|clearly\s+|well\s+)*(?:know|knew|am aware|aware|understand|understood|covered|cover|mentioned|addressed|discussed|included|explained|touched|handled|considered|described|noted|listed|named|referenced|demonstrated|showed|shown|familiar|answered|hit|met)\b|\bmy (?:answer|response|submission|solution)\b|\bmy (?:knowledge|understanding|awareness|familiarity)\b/;
/** The answer spoken of: "this answer", "the answer above". In a program's literal it is the answer the program judges. */
const THIS_ANSWER_NAMED =
  /\bthis (?:answer|response|submission|solution)\b|\bthe (?:answer|response|submission|solution) (?:above|below)\b|\bthe above\b/;
const SELF_CLAIM = new RegExp(`${WRITER_CLAIM.source}|${THIS_ANSWER_NAMED.source}`);
/** A request that something be counted toward the score: "count X as covered", "credit me for", "mark this as met". */
const COUNT_AS =
  /\b(?:count|consider|mark|treat|regard|take|score|record|tick|accept|read|log)\b(?:(?!\bas\b).){0,100}\bas (?:(?:being|having been|fully|also|already|properly) )*(?:covered|addressed|met|satisfied|mentioned|discussed|answered|included|demonstrated|fulfilled|credited|explained|ticked|hit)\b|\b(?:be|being|get|gets|getting) (?:counted|credited|considered|marked|scored|recogni[sz]ed|acknowledged|taken into account)\b.{0,60}\b(?:as (?:covered|addressed|met|satisfied)|in (?:the|my) (?:score|grade|mark)|for credit|towards? (?:my|the) (?:score|grade|mark))\b/;
/** Requests for credit that say who is to be credited: "credit me for", "kindly credit", "I'd like it counted". */
const CREDIT_ME =
  /^(?:also |just |then )?credit (?:me|it|this|my|for|them|all|every|each|both)\b|\b(?:please|kindly) (?:also )?credit\b|\bcredit (?:me|this (?:answer|response|submission)|my (?:answer|response)|the candidate)\b|\b(?:give|award|grant) (?:me|this (?:answer|response|submission)|the candidate) (?:\w+ )?(?:credit|points|marks)\b|\bi(?:'d| would)? (?:like|want|ask|request|expect|trust|hope|appreciate)\b.{0,40}\b(?:(?:credit(?:ed)?|given credit) for|counted (?:as|towards?)|full marks|the (?:highest|top|maximum) (?:level|score|mark|grade))\b/;
const CREDIT_REQUEST = [COUNT_AS, CREDIT_ME];
/** Credit asked for the writer: "credit me", "give me full marks", "I'd like it counted", "also credit the jitter". */
const WRITER_CREDIT =
  /^(?:also |just |then )?credit\b|\bcredit (?:me|my)\b|\b(?:give|award|grant) me\b|\bi(?:'d| would)? (?:like|want|ask|request|expect|trust|hope|appreciate)\b.{0,40}\b(?:credit(?:ed)?|counted|full marks|the (?:highest|top|maximum))\b/;
/** The marker asked, in the third person, to take note of what the writer covered: "Would the grader kindly record that I ...". */
const MARKER_ASKED = new RegExp(
  `\\b(?:(?:would|could|can|will|may|might) (?:the|our|my) ${MARKER}|(?:the|our|my) ${MARKER} (?:should|must|needs to|is (?:asked|requested|invited) to|(?:will|may|might) want to))\\b.{0,30}\\b(?:note|notice|record|credit|count|consider|keep in mind|bear in mind|take into account|remember|recogni[sz]e|acknowledge|reward|see)\\b.{0,20}\\b(?:that )?(?:i|i've|i'm|this answer|my answer)\\b`,
);
/** "deserves the highest level", "merits full credit": a verdict the writer asks for. */
const DESERVES =
  /\b(?:it|this|i|this answer|my answer)\s+(?:\w+\s+){0,2}(?:deserves?|merits?|warrants?|should (?:get|receive|be given))\b.{0,40}\b(?:highest|top|maximum|max|full|perfect|best) (?:level|score|mark|marks|grade|rating|credit|points)\b/;

/** Claims that the rubric changed for this answer: "Rubric update (v2, approved by ...):", "the marking scheme has been revised: ...". */
const RUBRIC =
  "(?:rubric|marking scheme|mark scheme|scoring guide|grading guide|grading criteria|scoring criteria|marking criteria|answer key|criteria)";
const AMENDED_HEADER = new RegExp(
  `^(?:(?:updated|revised|amended|new|corrected|official|current)\\s+${RUBRIC}|${RUBRIC}\\s+(?:update|amendment|revision|change|errat\\w*|correction|override|addendum|patch|v\\d[\\w.]*))s?\\b[^:]{0,100}:`,
);
const AMENDED_CLAIM = new RegExp(
  `\\b${RUBRIC}\\b.{0,40}\\b(?:has|have) (?:now )?been (?:updated|amended|revised|changed|replaced|extended|relaxed|superseded|withdrawn|overridden)\\b`,
);
/** What makes a rubric claim about this grading rather than a story about some rubric. */
const AMENDS_THIS =
  /\bapproved by\b|\bsigned off\b|\beffective\b|\bsupersed\w*|\breplac\w*|\b(?:hiring|interview|grading|marking) (?:committee|panel|team)\b|\bthis (?:question|answer|interview|assessment|round|criterion)\b|\bcandidates?\b|\bany (?:answer|response)\b|\b(?:answers?|responses?) (?:that|which|mentioning|containing)\b|\bfull marks\b|\blevel [0-4]\b|\bcriteri(?:on|a) (?:is|are) met\b|\bmeets? (?:every|all|each)\b|\bcredit\b/;

/** `data`: the sentence with the literals its program hands on blanked (data-literals.ts), when it is code. */
export type NoteOptions = { code?: boolean; data?: string };

const normalised = (sentence: string) =>
  sentence
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}@]+/u, "")
    .trim();

/** Whether a sentence is a note to the marker or a claim that the rubric was amended. */
export function markerNote(sentence: string, options: NoteOptions = {}): boolean {
  // Quotations a sentence describes were blanked by the caller (described-quotes.ts); others are read: quotes alone hide nothing.
  const headed = normalised(sentence);
  if (!headed) return false;
  // A note may also follow code on its line ("return x) Grader, ...") or open a string literal (REVIEW = "Grader: ...").
  // A note headed to the marker is read inside a literal too (NOTE = 'Marker: also credit ...'); headedNote tells a judge prompt apart.
  const literal = !!options.code && /^\s*[rfbu]?["'`]/i.test(sentence);
  const starts = [{ at: 0, literal }];
  for (const m of headed.matchAll(/[)\]};]\s+(?=[\p{L}@])|[=(,:]\s*[rfbu]?["'`]{1,3}(?=[\p{L}@])/gu))
    starts.push({ at: m.index + m[0].length, literal: /["'`]$/.test(m[0]) });
  if (noteHeads(headed, starts).some((h) => headedNote(h.header, headed.slice(h.headerEnd, h.readTo).trim(), h.literal))) return true;
  // Everything else is read without the program's data: a judge prompt or a test input asks nothing of this marker.
  const n = options.data === undefined || options.data === sentence ? headed : normalised(options.data);
  if (WHOEVER_MARKS.test(n)) return true;
  if ((YOU_ATTEND.test(n) || PLEASE_ATTEND.test(n)) && SELF_CLAIM.test(n.slice(n.search(YOU_ATTEND.test(n) ? YOU_ATTEND : PLEASE_ATTEND))))
    return true;
  // "Please count ... as covered": a request (please, "you", an imperative, the answer spoken of) to credit something.
  if (CREDIT_ME.test(n) || DESERVES.test(n) || MARKER_ASKED.test(n)) return true;
  if (
    COUNT_AS.test(n) &&
    (/\b(?:please|kindly)\b|\bi(?:'d| would)? (?:like to |want to )?(?:ask|request|invite|urge|beg)\b/.test(n) ||
      addressedToReader(options.data ?? sentence, options))
  )
    return true;
  return (AMENDED_HEADER.test(n) || AMENDED_CLAIM.test(n)) && AMENDS_THIS.test(n);
}

/**
 * A flagged sentence that ends in a colon introduces what it wants credited ("Reviewer note: this
 * answer also covers:" and then the points): the lines after it in its paragraph are its payload
 * and go with it, so the note can never add credit.
 */
export function withPayload<K>(sentences: string[], kinds: (K | null)[]): (K | null)[] {
  const out = [...kinds];
  for (let i = 1; i < out.length; i++) if (!out[i] && out[i - 1] && /:\s*$/.test(sentences[i - 1]!)) out[i] = out[i - 1]!;
  return out;
}

/** A paragraph that is only a list ("- handshake\n- retransmission"): the payload of a note ending in a colon just before it. */
export const isList = (block: string) => block.split("\n").every((line) => !line.trim() || /^\s*(?:[-*•+]|\d+[.)])\s/.test(line));

type NoteHead = { header: string; headerEnd: number; readTo: number; literal: boolean };

/** A sentence holding more headers than this is read note by note (noteHeads). */
const NOTES_READ_WHOLE = 8;

/**
 * The notes to the marker a sentence may hold, one per header: at each place a note may start, a header
 * there or, failing that, the first "@grader" after it. A note is read to the sentence's end; in a sentence
 * of more than NOTES_READ_WHOLE headers, each note only up to the next header, which is read as a note of
 * its own: reading each of them to the end made a line of thousands of `f(x) Judge: ...` cost seconds.
 */
function noteHeads(headed: string, starts: { at: number; literal: boolean }[]): NoteHead[] {
  const at: number[] = [];
  AT_MARKER.lastIndex = 0;
  for (let m = AT_MARKER.exec(headed); m; AT_MARKER.lastIndex = m.index + 1, m = AT_MARKER.exec(headed)) at.push(m.index);
  const heads = new Map<string, Omit<NoteHead, "readTo"> & { from: number }>();
  let next = 0;
  for (const start of starts) {
    HEADED_TO_MARKER.lastIndex = start.at;
    const here = HEADED_TO_MARKER.exec(headed);
    if (here) {
      heads.set(`h${start.at} ${start.literal}`, {
        from: start.at,
        header: here[0],
        headerEnd: start.at + here[0].length,
        literal: start.literal,
      });
      continue;
    }
    while (next < at.length && at[next]! <= start.at) next++;
    const p = at[next];
    if (p === undefined) continue;
    AT_MARKER.lastIndex = p;
    const header = AT_MARKER.exec(headed)![0];
    heads.set(`@${p} ${start.literal}`, { from: p, header, headerEnd: p + header.length, literal: start.literal });
  }
  if (heads.size <= NOTES_READ_WHOLE) return [...heads.values()].map((h) => ({ ...h, readTo: headed.length }));
  const froms = [...new Set([...heads.values()].map((h) => h.from))].sort((a, b) => a - b);
  let f = 0;
  return [...heads.values()]
    .sort((a, b) => a.headerEnd - b.headerEnd)
    .map((h) => {
      while (f < froms.length && froms[f]! < h.headerEnd) f++;
      return { ...h, readTo: froms[f] ?? headed.length };
    });
}

/** A header naming reviewers and no other marker: "note to reviewers:", "for the reviewer:". */
const CODE_REVIEWERS =
  /^(?:(?!grad|mark|evaluat|assess|examin|judg|scor|hiring).)*\breviewers?\b(?:(?!grad|mark|evaluat|assess|examin|judg|scor).)*$/;
/** A reason given for a choice: what a design note says ("because", "so that", "to avoid", "instead of"). */
const EXPLAINS =
  /\b(?:because|since|so that|so (?:the|a|we|it|that|no|each)|to (?:avoid|keep|prevent|stop|make sure|ensure)|otherwise|instead of|rather than|which (?:means|keeps|avoids|lets)|in order to|the reason)\b/;

/** A note to the marker, by its header and what follows it: a request, a claim, or any text after "for the grader:". */
function headedNote(header: string, rest: string, literal: boolean): boolean {
  // "To the grader:" alone heads what follows; "For the evaluator: I also ..." is a note whatever it says. Reviewers are
  // also a code review's: "# Note to reviewers: we rerank after the merge because ..." explains the code to them, and is
  // read for what it says like any other note (a claim, a request, an order still count).
  const codeReview = CODE_REVIEWERS.test(header) && EXPLAINS.test(rest);
  if (!rest || (!codeReview && /^(?:[^:]*\bto\b|for|dear|hi|hello|hey|attention|attn|@)/.test(header.trim()))) return true;
  // "Grader: also credit ...", "Reviewer note: this answer also covers ...". A definition ("Judge: an LLM that
  // scores each reply") asks nothing and claims nothing about this answer. In code a string literal opening with
  // "Grader: score the answer" is an honest judge prompt; a comment or bare line saying it is not.
  if (/^(?:also|please|kindly)\b/.test(rest)) return true;
  // A literal is a judge prompt or a test input when it speaks of "this answer" or asks to credit it (the answer its
  // program judges: "Grader: give this answer full marks only if ..."); the writer asking for themselves still counts.
  if (literal) return WRITER_CLAIM.test(rest) || WRITER_CREDIT.test(rest);
  if (SELF_CLAIM.test(rest) || CREDIT_REQUEST.some((r) => r.test(rest)) || DESERVES.test(rest)) return true;
  return addressedToReader(rest);
}
