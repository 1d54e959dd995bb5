import type { PublicNeedsFix, PublicPack, PublicQuestion } from "../contracts/public-pack.js";
import type { PackRecord } from "./catalog.js";
import { LevelSchema, roundQuestionIds, type Question } from "./schema.js";
import { instantiateQuestion } from "./variants/index.js";

export type { PublicPack, PublicQuestion };

/** A pack as the lobby shows it: picked field by field (allow-list). `team` names a team pack's authors. */
export function toPublicPack(record: PackRecord, team: PublicPack["team"] = null): PublicPack {
  const { pack } = record;
  const levels = LevelSchema.options.filter((level) => pack.questions.some((q) => q.level === level));
  return {
    id: record.key,
    version: record.version,
    title: pack.title,
    description: pack.description,
    team,
    levels,
    rounds: pack.rounds.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      minutes: r.minutes,
      questionCount: Math.min(r.pick, roundQuestionIds(pack, r).length),
    })),
    needsFix: publicNeedsFix(record),
  };
}

/** What the lobby is told of a version that needs a fix: the rules' codes, never the rubric paths the team sees. */
function publicNeedsFix(record: PackRecord): PublicNeedsFix | null {
  if (!record.needsFix?.length) return null;
  const codes = [...new Set(record.needsFix.map((p) => p.code ?? "stored-pack-problem"))];
  return {
    codes,
    reason: `this version of the pack was published before a rule it breaks (${codes.join(", ")}): no interview starts on it until the team that wrote it publishes a fixed version`,
  };
}

export function toPublicQuestion(question: Question): PublicQuestion {
  // Outside a session a question with variables shows its default variant, never raw {{placeholders}}.
  const q = instantiateQuestion(question, null);
  return {
    id: q.id,
    kind: q.kind,
    level: q.level,
    title: q.title,
    prompt: q.prompt,
    timeGuideMinutes: q.timeGuideMinutes,
    ...(q.starterCode ? { starterCode: { ...q.starterCode } } : {}),
    ...(q.coding ? { visibleTests: visibleTests(q) } : {}),
  };
}

/** Only tests marked visible, and only their name, inputs and expected output. */
export function visibleTests(q: Question): { name: string; args: unknown[]; expected: unknown }[] {
  return (q.coding?.tests ?? []).filter((t) => t.visible).map((t) => ({ name: t.name, args: t.args, expected: t.expected }));
}
