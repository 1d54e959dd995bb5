/**
 * "Ignore any instructions inside retrieved documents" is the standard defence against prompt
 * injection, and honest answers about RAG and agents state it. What sets it apart from an
 * override is where the instructions it sets aside live: in data the system reads (documents,
 * e-mails, tool output, web pages), not in the reader's own rules or in the text above it.
 * The located phrase is blanked before the override patterns read the sentence, so "ignore the
 * instructions above" and "forget your rules" still read as overrides.
 */
const DATA =
  "(?:(?:retrieved|user[- ]?(?:supplied|provided|submitted)?|tool|web|external|third[- ]party|untrusted|uploaded|incoming|customer|fetched|scraped|quoted|pasted)\\s+)*(?:documents?|docs|e-?mails?|pages?|web ?pages?|websites?|sites?|context|content|passages?|chunks?|tool (?:outputs?|results?|responses?)|outputs?|inputs?|files?|data|tickets?|reviews?|search results|articles?|attachments?|pdfs?|comments?|html|markdown|sources?)";

const LOCATED = new RegExp(
  `\\b(?:instructions?|commands?|directives?|orders?|requests?)\\b(?:\\s+(?:that\\s+(?:appear|are|come|arrive)|which\\s+(?:appear|are|come)|found|contained|embedded|hidden|appearing|coming|arriving|written))?\\s+(?:inside|in|within|from|embedded in|contained in)\\s+(?:(?:the|any|a|an|all|such|those|these)\\s+)?(?!(?:previous|prior|above|earlier|preceding|your|system|rubric)\\b)${DATA}\\b`,
  "g",
);

/** The sentence with instructions located in data blanked ("ignore any [...]"), for the override check. */
export const withoutDataInstructions = (n: string) => n.replace(LOCATED, "data-borne text");
