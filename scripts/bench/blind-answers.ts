// Answers that are not copies of the pack's model answers: the blind calibration sets (test/fixtures/calibration*),
// written from the rubric's level anchors without the pack. The exemplar bench grades the model answers, which the
// copy check sets aside before any reader of key points runs; a candidate's answer is read in full, like these.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { AnswerBody } from "../../server/contracts/index.js";
import type { Pack } from "../../server/scenarios/index.js";

const DIRS = ["test/fixtures/calibration", "test/fixtures/calibration-v2"];

/** Every blind answer to a question of `pack`, as the interview receives it (code questions get a code body). */
export function blindAnswers(pack: Pack): { id: string; body: AnswerBody }[] {
  return DIRS.flatMap((dir) =>
    readdirSync(dir)
      .sort()
      .map((f) => join(dir, f)),
  )
    .flatMap((file) => parse(readFileSync(file, "utf8")) as { questionId: string; answer: string }[])
    .flatMap((a) => {
      const q = pack.questions.find((x) => x.id === a.questionId);
      if (!q) return [];
      return [{ id: q.id, body: q.kind === "coding" ? { code: a.answer, language: "python" as const } : { text: a.answer } }];
    });
}
