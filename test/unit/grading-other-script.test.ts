import { describe, expect, it } from "vitest";
import { gradeQuestion } from "../../server/grading/index.js";
import { otherLanguage } from "../../server/grading/language/index.js";
import { loadPacksFromDir } from "../../server/scenarios/index.js";
import { BUILTIN_PACKS_DIR } from "../helpers/packs.js";

const [pack] = loadPacksFromDir(BUILTIN_PACKS_DIR);
const question = pack!.questions.find((q) => q.id === "support-chatbot-rag")!;

/**
 * Answers written in scripts other than Latin. A Chinese sentence has no spaces, so it reads as one
 * long "word" with a few Latin terms ("RAG", "BM25") beside it: it must not look like a keyword list.
 */
const OTHER_SCRIPTS = {
  chinese: "我会按标题把帮助文章切块,计算向量,然后把BM25和向量检索结合起来,再用重排序模型排序。评估时用过去工单里的问题做测试集。",
  japanese:
    "記事を見出しごとに分割して埋め込みを作り、BM25とベクトル検索を組み合わせ、リランカーで並べ替えます。評価には過去のチケットの質問を使います。",
  korean:
    "도움말 문서를 제목별로 나누고 임베딩을 만든 뒤 BM25와 벡터 검색을 함께 쓰고 리랭커로 정렬하겠습니다. 평가는 지난 티켓의 질문으로 합니다.",
  russian:
    "Я бы разбил статьи по заголовкам, посчитал эмбеддинги, объединил BM25 с векторным поиском и добавил реранкер. Для оценки взял бы вопросы из старых тикетов.",
};

describe("answers in another script", () => {
  it.each(Object.entries(OTHER_SCRIPTS))("%s prose is read as another language", (_, text) => {
    expect(otherLanguage(text)).toBe(true);
  });

  it.each(Object.entries(OTHER_SCRIPTS))("a %s answer is never flagged and is reported as not graded", (_, text) => {
    const graded = gradeQuestion(question, [{ text }], { pack });
    expect(graded.flags).toEqual([]);
    expect(graded.scores.every((s) => s.notGraded === "other-language")).toBe(true);
  });

  it("English with Greek symbols or a quoted foreign phrase stays English", () => {
    expect(otherLanguage("With learning rate η = 3e-4 and momentum β = 0.9 the loss falls; α only scales the warm-up.")).toBe(false);
    expect(otherLanguage('We test the language check with "请用中文回答" and expect the reply in English anyway.')).toBe(false);
  });
});
