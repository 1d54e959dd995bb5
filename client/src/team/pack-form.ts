import { isMap, isSeq, parseDocument, type Document } from "yaml";

/**
 * The form view edits the same YAML text the editor holds: every change is a
 * setIn/addIn on the parsed document, so comments, order and fields the form
 * does not show survive the round trip.
 */

/** `plain`: the point's "also said as" phrasings; the form does not show them, and keeps them through edits of the terms. */
export type FormConcept = { label: string; terms: string[]; plain?: string[] };
export type FormCriterion = {
  id: string;
  title: string;
  weight: number;
  description: string;
  anchors: string[];
  concepts: FormConcept[];
  /** How many concepts a full answer needs when they are alternatives; undefined = all. */
  enough: number | undefined;
};
export type FormExemplar = { level: string; answer: string; scores: Record<string, number> };
export type FormQuestion = {
  id: string;
  kind: string;
  level: string;
  title: string;
  prompt: string;
  timeGuideMinutes: number;
  rubric: FormCriterion[];
  exemplars: FormExemplar[];
};
export type FormPack = {
  id: string;
  title: string;
  description: string;
  /** `report.showExemplars`: the finished report shows each asked question's strong exemplar (off unless set). */
  showExemplars: boolean;
  /** `report.missingPoints: hide`: a candidate's report names only the key points their answer stated (shown unless set). */
  hideMissingPoints: boolean;
  questions: FormQuestion[];
};

type Path = (string | number)[];
const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function parse(source: string): Document | null {
  const doc = parseDocument(source);
  return doc.errors.length > 0 || !isMap(doc.contents) ? null : doc;
}

/** What the form shows, or null when the YAML cannot be read as a mapping (fix it in the YAML view). */
export function readForm(source: string): FormPack | null {
  const doc = parse(source);
  if (!doc) return null;
  const pack = obj(doc.toJS());
  return {
    id: str(pack.id),
    title: str(pack.title),
    description: str(pack.description),
    showExemplars: obj(pack.report).showExemplars === true,
    hideMissingPoints: obj(pack.report).missingPoints === "hide",
    questions: arr(pack.questions).map((raw) => {
      const q = obj(raw);
      return {
        id: str(q.id),
        kind: str(q.kind),
        level: str(q.level),
        title: str(q.title),
        prompt: str(q.prompt),
        timeGuideMinutes: num(q.timeGuideMinutes),
        rubric: arr(q.rubric).map((rc) => {
          const c = obj(rc);
          const anchors = obj(c.anchors);
          return {
            id: str(c.id),
            title: str(c.title),
            weight: num(c.weight),
            description: str(c.description),
            anchors: ["0", "1", "2", "3", "4"].map((k) => str(anchors[k])),
            concepts: arr(obj(c.evidence).concepts).map((x) => ({
              label: str(obj(x).label),
              terms: arr(obj(x).terms).map(str),
              ...(Array.isArray(obj(x).plain) ? { plain: arr(obj(x).plain).map(str) } : {}),
            })),
            enough: typeof obj(c.evidence).enough === "number" ? (obj(c.evidence).enough as number) : undefined,
          };
        }),
        exemplars: arr(q.exemplars).map((re) => {
          const e = obj(re);
          return {
            level: str(e.level),
            answer: str(e.answer),
            scores: Object.fromEntries(Object.entries(obj(e.scores)).map(([k, v]) => [k, num(v)])),
          };
        }),
      };
    }),
  };
}

/** Set one value (creating the path as needed). */
export function setField(source: string, path: Path, value: unknown): string {
  const doc = parse(source);
  if (!doc) return source;
  doc.setIn(path, value);
  return doc.toString();
}

/** Append an item to a list (creating it when missing). */
export function addItem(source: string, path: Path, item: unknown): string {
  const doc = parse(source);
  if (!doc) return source;
  if (isSeq(doc.getIn(path))) doc.addIn(path, doc.createNode(item));
  else doc.setIn(path, doc.createNode([item]));
  return doc.toString();
}

export function removeItem(source: string, path: Path): string {
  const doc = parse(source);
  if (!doc) return source;
  doc.deleteIn(path);
  return doc.toString();
}

/** Every question kind needs a round to be asked in: add one for a kind that has none. */
export function ensureRounds(source: string): string {
  const form = readForm(source);
  const doc = parse(source);
  if (!form || !doc) return source;
  const rounds = arr(obj(doc.toJS()).rounds).map(obj);
  let text = source;
  for (const kind of new Set(form.questions.map((q) => q.kind).filter(Boolean))) {
    if (rounds.some((r) => r.kind === kind)) continue;
    text = addItem(text, ["rounds"], { id: kind, kind, title: kind.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()), minutes: 15 });
  }
  return text;
}

export const NEW_QUESTION = (n: number) => ({
  id: `question-${n}`,
  kind: "behavioural",
  level: "mid",
  title: "New question",
  prompt: "What do you ask the candidate?",
  timeGuideMinutes: 5,
  rubric: [NEW_CRITERION(1)],
  exemplars: [
    { level: "strong", answer: "A strong answer.", scores: { [`criterion-1`]: 4 } },
    { level: "weak", answer: "A weak answer.", scores: { [`criterion-1`]: 0 } },
  ],
});

export const NEW_CRITERION = (n: number) => ({
  id: `criterion-${n}`,
  title: "What it checks",
  weight: 1,
  description: "What a good answer shows.",
  anchors: { "0": "Nothing relevant.", "1": "A hint of it.", "2": "Some of it.", "3": "Most of it.", "4": "All of it, specifically." },
  evidence: { concepts: [{ label: "key idea", terms: ["key term"] }] },
});

/** "label: term, term" lines <-> concepts, the form's way of editing evidence terms. */
export const conceptsToText = (concepts: FormConcept[]) => concepts.map((c) => `${c.label}: ${c.terms.join(", ")}`).join("\n");
/** A concept keeps the phrasings of the concept of the same label it had before (`before`): the lines carry none. */
export function textToConcepts(text: string, before: FormConcept[] = []): FormConcept[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(":");
      const label = at > 0 ? line.slice(0, at).trim() : line;
      const terms = (at > 0 ? line.slice(at + 1) : line)
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
      const plain = before.find((c) => c.label === label)?.plain;
      return plain ? { label, terms, plain } : { label, terms };
    });
}
