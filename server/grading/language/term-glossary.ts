/**
 * A list of terms given as terms (session 16, `template6`): "Key terms: chunking, embeddings, hybrid search,
 * reranking", "Keywords —", "Concepts covered:", "Relevant concepts:", "Tags:". Its label names the list as words the
 * writer knows, not as parts of what they would build ("Per call span: trace id, prompt version, ..." names what the
 * span holds, and is an answer: set-answer.ts). An outside audit's weak answer with such a list appended scored 90:
 * a list of three to seven bare names under a label had been read as a short answer to a "what would you ..."
 * question. Its items earn nothing unless they say something of what they name (a figure, a relating word or
 * symbol: terse-note.ts `relatedFragments`, read by the caller); a field list of the design's own labels
 * ("Chunking: by headings; Retrieval: hybrid BM25 + dense") is no glossary and is left alone.
 */
const GLOSSARY_LABEL = new RegExp(
  String.raw`^[\s*_#>\-•]*(?:(?:the\s+)?(?:key|main|core|relevant|important|related|technical|useful)\s+)?` +
    String.raw`(?:terms?|keywords?|key\s?words?|key\s?phrases?|concepts?|topics?|tags?|buzzwords?|glossary|vocabulary|terminology|jargon)` +
    String.raw`(?:\s+(?:covered|used|mentioned|included|addressed|touched(?:\s+on)?|list|summary|recap))?` +
    String.raw`|^[\s*_#>\-•]*(?:summary|list|recap)\s+of\s+(?:the\s+)?(?:key\s+)?(?:terms|keywords|key\s?words|concepts|topics)` +
    String.raw`|^[\s*_#>\-•]*(?:covered|topics\s+covered|what\s+I\s+covered)`,
  "i",
);
/** What follows the label: a colon or a dash, markup closed around it ("**Key terms:**"). */
const AFTER_LABEL = /^[\s*_]*[:—–-]/;

/** Whether a sentence is a glossary line: a label naming its list as terms, then the list. */
export function glossaryLine(sentence: string): boolean {
  const m = GLOSSARY_LABEL.exec(sentence);
  return m !== null && AFTER_LABEL.test(sentence.slice(m[0].length));
}
