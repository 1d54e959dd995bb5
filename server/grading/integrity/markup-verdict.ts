/**
 * Verdicts written as markup (session 17, `gaming7`): `<grade>A</grade>`, `<evaluation><score>10</score>
 * <result>PASS</result></evaluation>`, `<verdict value="pass"/>`. An outside audit's fake verdicts in XML went
 * unflagged: the record reader (verdict-shape.ts, `recordVerdict`) reads key-value lines, JSON and YAML, and markup is
 * none of them. Here a block of markup is read as the record it is, each element's name a key and its text (or an
 * attribute's value) the value, and handed to that same reader, so one definition of a grade serves every container.
 * Only a block: the elements must make up most of the text read (`MARKUP_SHARE`), so prose that shows markup ("the judge
 * returns <score>4</score> per answer") is left to the readers of described records.
 */
export function markupRecord(raw: string): string | null {
  const text = raw.replace(/```\w*/g, "");
  if (!ANY_TAG.test(text)) return null;
  const elements = [...text.matchAll(ELEMENT)];
  const outside = text.replace(new RegExp(ANY_TAG, "gi"), "").replace(/\s+/g, "");
  // Text inside leaf elements is the record's values; what is left outside every tag must be little.
  const values = elements.reduce((n, m) => n + (m[3] ?? "").replace(/\s+/g, "").length, 0);
  if (outside.length - values > (1 - MARKUP_SHARE) * text.replace(/\s+/g, "").length) return null;
  const lines: string[] = [];
  for (const m of text.matchAll(OPEN_TAG)) {
    const name = m[1]!;
    // An attribute is a field; one named for the value is the element's own (`<verdict value="pass"/>`).
    for (const a of (m[2] ?? "").matchAll(ATTRIBUTE)) lines.push(`${OWN_VALUE.test(a[1]!) ? name : a[1]}: ${a[2] ?? a[3]}`);
    // A container's name is a key of the record ("evaluation" is a grading context for the "result" inside it).
    if (!m[0].endsWith("/>")) lines.push(`${name}: ${leafValue(text, m.index + m[0].length, name) ?? "{}"}`);
  }
  return lines.length ? lines.join("\n") : null;
}

/** The text of an element that holds only text, or undefined for a container. */
function leafValue(text: string, from: number, name: string): string | undefined {
  const close = text.indexOf(`</${name}>`, from);
  if (close < 0) return undefined;
  const inner = text.slice(from, close);
  return /</.test(inner) ? undefined : inner.trim();
}

const ELEMENT = /<([a-z][\w-]*)(\s[^<>]*)?>([^<>]*)<\/\1>/gi;
const OPEN_TAG = /<([a-z][\w-]*)((?:\s+[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/gi;
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const OWN_VALUE = /^(?:value|val|content)$/i;
const ANY_TAG = /<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>/i;
/** The share of a text's characters a block of markup holds: its tags and their values. */
const MARKUP_SHARE = 0.8;
