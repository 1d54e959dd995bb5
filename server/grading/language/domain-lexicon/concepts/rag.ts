import type { LexiconEntry } from "../schema.js";

/** Retrieval-augmented generation: chunking, embeddings, hybrid search, reranking, rewriting, grounding. */
export const RAG: LexiconEntry[] = [
  {
    id: "chunking",
    terms: ["chunk", "split by heading", "by heading"],
    plain: [
      "cut*|split*|break*|divid* article*|document*|page*|file*|text|it into|in smaller|short|little piece*|part*|passage*|section*",
      "cut*|split*|break*|divid* into|in piece*|passage*|part*|section* of|along|by|at heading*|paragraph*|section*|word*|token*",
      "along|at|by its|their heading*|section*|paragraph* boundar*",
      "piece*|passage*|part* few hundred word*|token*",
    ],
  },
  {
    id: "chunk-overlap",
    terms: ["overlap"],
    plain: [
      "piece*|passage*|part*|window* share* few|some sentence*|word*|token*",
      "repeat* last|end sentence*|word*|token* of|at start next",
    ],
  },
  {
    id: "embeddings-vector-search",
    terms: ["embedding", "embed", "vector", "semantic search", "cosine", "dense", "knn", "ann index"],
    plain: [
      "turn*|convert*|map*|encode* text|question*|document*|article*|passage*|it into|as number*|list of number*",
      "meaning-based|meaning based search|lookup|retrieval|match*",
      "search*|find*|look* up|match* by meaning|sense rather|not|instead",
      "closest|nearest|most similar in meaning",
      "similar meaning even without|if different|same word*",
    ],
    not: ["keyword-search"],
  },
  {
    id: "keyword-search",
    terms: ["bm25", "keyword search", "keyword index", "lexical", "exact match", "elasticsearch", "opensearch", "full-text"],
    plain: [
      "exact word*|term*|string* match*|search|lookup",
      "match*|search*|find* exact|literal word*|term*|code*|string*|name*",
      "old-fashioned|classic|traditional word|text|full text search",
      "error code*|product code*|part number*|sku* still|also found|match*",
    ],
  },
  {
    id: "hybrid-search",
    terms: ["hybrid", "reciprocal rank", "rrf", "fusion"],
    plain: [
      "alongside|besides|together with|plus|as well as meaning*|semantic|vector search|lookup exact|keyword word*",
      "combine*|merge*|blend*|mix* both|two result*|list*|ranking*|search*",
      "run|use both meaning*|semantic search and exact|keyword",
    ],
  },
  {
    id: "reranking",
    terms: ["rerank", "re-rank", "cross-encoder", "cross encoder"],
    plain: [
      "pull*|fetch*|retriev*|get* many|more passage*|result*|candidate*|chunk*|document* than need*|then",
      "slower|stronger|bigger|second|better model read*|score*|look* question and each|every passage*|result*|candidate*|chunk*|document*",
      "put*|sort*|re-order*|reorder*|order* them|result*|passage*|candidate*|hits in|into better|new order",
      "re-order*|reorder*|re-sort*|resort* result*|passage*|hit*|candidate*",
      "second pass score*|order*|rank*",
      "only best|top few|five|three go|pass|sent to|reach model|answer",
    ],
  },
  {
    id: "query-rewriting",
    terms: ["rewrite", "standalone", "condense", "contextualis", "contextualiz", "query expansion"],
    plain: [
      "rewrite*|rephrase*|turn*|expand* question|query|follow-up into|as full|complete|self-contained|proper question|query",
      "make*|makes sense on+its+own|by+itself",
      "using|with|from earlier|previous turns|message*|what+was+said",
      "fill* in|resolve* what|pronoun*|it|that refer*",
    ],
  },
  {
    id: "metadata-filter",
    terms: ["metadata", "filter by", "filtered by", "facet"],
    plain: [
      "only search*|look* document*|article*|page*|passage* for|from|of user's|their|right country|region|product|version|plan",
      "restrict*|limit*|narrow* search|retrieval|result* to|by country|region|product|date|version|tag*",
    ],
  },
  {
    id: "index-freshness",
    terms: ["reindex", "re-index", "re-embed", "incremental", "freshness", "on publish", "webhook", "upsert", "change data capture"],
    plain: [
      "when|whenever article*|document*|page*|policy|product* edit*|change*|update*|publish* recompute*|redo|rebuild*|refresh*|update* vector*|index|entry|it",
      "compute*|calculate* vector*|embedding* again|anew",
      "only changed|edited|new article*|document*|page*|chunk* re-process*|reprocess*|updated|recomputed|rebuil*",
      "never|not read*|serve*|use* outdated|old|stale version|copy|article",
      "keep* index|search|copy in+sync|up+to+date",
    ],
  },
  {
    id: "grounding-citations",
    terms: ["citation", "cite", "source link", "grounded", "only from", "only answer from", "passage id", "chunk id"],
    plain: [
      "answer* only|just from|using retrieved|provided|given|found text|passage*|document*|article*",
      "point*|link*|refer* to|back exact|specific passage|paragraph|article|document|page|source it us*|came|support*",
      "show* where answer|claim|fact come*|came from",
      "every|each claim|statement|sentence link*|tied|traced|point* to source|passage|document",
    ],
  },
  {
    id: "abstain",
    terms: ["abstain", "don't know", "do not know", "doesn't know", "insufficient", "cannot answer", "refuse to answer"],
    plain: [
      "say*|admit*|tell* plainly|honestly|clearly it|bot|model has|have|n't no answer|know",
      "when|if nothing|no document|no page|no article|no passage cover*|support*|answer*",
      "instead|rather of than guess*|making",
      "decline*|refus* answer* when|if not|no support*|found|source",
    ],
  },
  {
    id: "lost-in-the-middle",
    terms: ["lost in the middle", "lost-in-the-middle"],
    plain: [
      "model*|it ignore*|miss*|overlook* middle of long context|prompt|input",
      "put*|place* most important|relevant passage*|chunk*|fact* at start|beginning|end",
    ],
  },
  {
    id: "mmr-diversity",
    terms: ["mmr", "maximal marginal", "diversif", "near-duplicate chunks"],
    plain: [
      "skip*|drop*|avoid* passage*|chunk*|result* too similar|almost same to|as already",
      "prefer* result*|passage*|chunk* add* something new|different",
    ],
  },
  {
    id: "top-k",
    terms: ["top-k", "top k", "top 5", "top-5", "top 50", "top-50"],
    plain: ["first|top few|five|ten|handful result*|passage*|chunk*|hits"],
  },
  {
    id: "permission-filtering",
    terms: ["acl", "access control list", "pre-filter", "prefilter", "filtered search", "permission metadata", "allowed_principals"],
    plain: [
      "user*|their allowed|permitted|accessible document*|file*|page* condition|part|filter of search|query|lookup",
      "document*|file*|page* cannot|can't|not allowed open|see|access never|not appear*|show*|among|result*",
      "only search*|return*|retriev* what|document*|file* user|they|caller allowed|permitted|may|can see|open|access",
      "check* who|user allowed|permitted see|open|read before+the+search|inside+the+search|in+the+search",
    ],
  },
  {
    id: "tenant-isolation",
    terms: ["tenant isolation", "per-tenant", "tenant_id", "namespace", "separate index", "own shard"],
    plain: [
      "each|every customer|tenant|company|firm own|separate index|store|collection|partition|space",
      "one customer*|tenant*|company* data never|not|cannot mix*|leak*|reach|show* other|another",
    ],
  },
  {
    id: "context-packing",
    terms: ["context window", "context budget", "token budget", "pack the context"],
    plain: [
      "fit*|pack*|squeeze* passage*|chunk*|document*|text into|within limit|window|room|budget",
      "drop*|cut*|trim* lowest|least relevant passage*|chunk* until|fit*",
    ],
  },
  {
    id: "semantic-cache",
    terms: ["semantic cache", "similarity cache"],
    plain: [
      "reuse*|return*|serve* stored|cached|saved|previous answer* when|if new question*|query close|similar|same+meaning",
      "question* close|similar in meaning|enough to|old|earlier|previous one*|question* reuse*|return*|get",
    ],
  },
  {
    id: "similarity-threshold",
    terms: ["similarity threshold", "cut-off", "cutoff"],
    plain: [
      "only|just reuse*|return*|count*|match* when|if extremely|very|really|close|similar enough",
      "tune*|set*|choose*|pick* how close|similar must|need*|has",
      "extremely|very close in meaning",
    ],
  },
  {
    id: "parent-document",
    terms: ["parent document", "parent-document", "small-to-big", "sentence window"],
    plain: ["search* small|short piece*|passage* return*|send*|pass* whole|full|surrounding section|document|page|context"],
  },
  {
    id: "query-routing",
    terms: ["query router", "route the query", "intent classifier"],
    plain: ["decide*|classif*|pick* which index|source|tool|search per|for each|every question|query|request"],
  },
];
