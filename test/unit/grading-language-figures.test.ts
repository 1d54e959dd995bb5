import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { otherLanguage } from "../../server/grading/language/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

/**
 * Outside audit: an English answer whose body is a list of figures was reported as written in another
 * language. Figures, units, symbols and acronyms belong to no language; "per" is English as much as
 * Italian; the language is told from the words present, and a text with too few of them is never
 * reported as another language.
 */
const FIGURE_LISTS = [
  "p50 120 ms, p95 480 ms, 3.2k req/s, $0.004/request, 99.9%",
  "p50 120 ms per request, p95 480 ms per request, 3.2k req per s, $0.004 per request, 99.9% per month",
  "Targets: p50 120 ms, p95 480 ms, p99 1.2 s, 3.2k req/s per pod, 40 GB VRAM per GPU, $0.004 per request, 99.9% per quarter.",
  "OS 2 GB\nEU 3 nodes\nES 40 GB per node\nDE 12 ms per hop\nIT 99.9%",
  "eu-west-1: 3 nodes, es-cluster: 40 GB, en-US locale, 16 em per line, 120 ms per call, 2 di-gpu hosts",
  "Cost per day $400 con 2 GPUs per pod, per day 20k req, per req 2k tokens, per 1k $0.002",
];

/** Prose in another language, figures and all: still another language. */
const FOREIGN = {
  french:
    "Je garderais la latence p95 sous 480 ms et le coût sous 0,004 $ par requête, avec un cache pour les questions fréquentes et un modèle plus petit pour les requêtes simples.",
  italian:
    "Dividerei gli articoli in sezioni, calcolerei gli embedding e combinerei BM25 con la ricerca vettoriale; la latenza p95 resta sotto i 480 ms e il costo è di 0,004 $ a richiesta.",
  spanish:
    "Mantendría la latencia p95 por debajo de 480 ms con una caché para las preguntas frecuentes y un modelo más pequeño para las consultas simples, que son el 60% del tráfico.",
  german:
    "Ich würde die p95-Latenz unter 480 ms halten, mit einem Cache für häufige Fragen und einem kleineren Modell für einfache Anfragen, die 60% des Verkehrs sind.",
  dutch:
    "Ik zou de p95-latentie onder de 480 ms houden met een cache voor veelgestelde vragen en een kleiner model voor eenvoudige verzoeken, die 60% van het verkeer zijn.",
};

describe("a list of figures is told by its words, not read as another language", () => {
  it.each(FIGURE_LISTS)("English figures and units: %s", (text) => {
    expect(otherLanguage(text)).toBe(false);
  });

  it("too few words to tell is never another language", () => {
    expect(otherLanguage("120 ms de p95, 480 ms en p99, 99.9% la")).toBe(false);
    expect(otherLanguage("de la 3 4 5 6 7 8 9 10 11 12")).toBe(false);
  });

  it.each(Object.entries(FOREIGN))("%s prose with figures in it is still another language", (_, text) => {
    expect(otherLanguage(text)).toBe(true);
  });

  it("a figures answer is graded, not set aside as another language", () => {
    const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
    const q = pack!.questions.find((x) => x.id === "support-chatbot-rag")!;
    const g = gradeQuestion(q, [{ text: FIGURE_LISTS[1]! }], { pack });
    expect(g.scores.some((s) => s.notGraded === "other-language")).toBe(false);
  });
});
