import { describe, expect, it } from "vitest";
import { TeamNameSchema, TokenLabelSchema } from "../../server/contracts/index.js";
import { confusable, skeleton } from "../../server/contracts/confusables.js";
import { mixedScriptWord } from "../../server/contracts/mixed-script.js";

/** The refusal message a label gets, or null when it is accepted. */
const refusal = (label: string) => {
  const parsed = TokenLabelSchema.safeParse(label);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe("mixed-script words", () => {
  it("refuses a word mixing Latin with Cyrillic or Greek, naming the intruding code point and its script", () => {
    // rеv1 (Cyrillic ie), Аlice (Cyrillic capital a), rοot (Greek omicron), pаypаl (two Cyrillic a).
    expect(refusal("r\u0435v1")).toBe(
      'a token label may not mix Latin and Cyrillic letters in one word ("r\u0435v1" holds U+0435, a Cyrillic letter); write each word in one script',
    );
    expect(refusal("\u0410lice")).toContain("U+0410");
    expect(refusal("r\u03BFot")).toContain("U+03BF, a Greek letter");
    expect(refusal("p\u0430yp\u0430l")).toContain("U+0430");
    // A Cyrillic word with one Latin intruder names the Latin letter.
    expect(refusal("\u0441\u0435\u0440\u0432\u0435p")).toContain("U+0070, a Latin letter");
    // Cyrillic and Greek in one word mix too.
    expect(mixedScriptWord("\u0430\u03B2")).not.toBeNull();
    // Team names (after NFKC: a full-width Latin A with Cyrillic letters is still a mix).
    expect(TeamNameSchema.safeParse("Acme \u0425ub").success).toBe(false);
    expect(TeamNameSchema.safeParse("\uFF21\u0441\u043C\u0435").success).toBe(false);
  });

  it("keeps one-script words: whole Cyrillic, whole Greek, accented Latin, digits, scripts in separate words", () => {
    for (const label of ["Пётр Иванов", "Αλέξανδρος", "Zoë O'Brien", "José-María", "rev1", "Ivan Петров", "Тест-2", "Ｓａｍ", "李雷"])
      expect(refusal(label), label).toBeNull();
    expect(TokenLabelSchema.parse("Ｓａｍ")).toBe("Sam");
  });

  it("the hidden-character refusal still comes first and names the character as sent", () => {
    expect(refusal("r\u0435v\u200b1")).toContain("U+200B");
  });
});

describe("confusable labels (skeletons)", () => {
  it("labels differing only by look-alikes have one skeleton", () => {
    // Whole-Cyrillic Роре and Latin Pope; accents kept (сёр and cëp).
    expect(confusable("Pope", "\u0420\u043E\u0440\u0435")).toBe(true);
    expect(confusable("c\u00EBp", "\u0441\u0451\u0440")).toBe(true);
    expect(confusable("\u0391\u039A\u039C\u0395", "AKME")).toBe(true);
    expect(confusable("Ivan", "lvan")).toBe(true);
    expect(confusable("rev1", "revl")).toBe(true);
    expect(confusable("B0B", "BOB")).toBe(true);
    expect(confusable("Kim", "Kirn")).toBe(true);
    expect(skeleton("\u0440\u0435v1")).toBe("pevl");
  });

  it("different-looking labels, and identical ones, are not confusable (identical is the caller's own rule)", () => {
    expect(confusable("Sam", "Sam")).toBe(false);
    expect(confusable("Sam", "Pam")).toBe(false);
    expect(confusable("Alice", "alice")).toBe(false);
    expect(confusable("rev1", "rev2")).toBe(false);
    expect(confusable("\u041F\u0435\u0442\u0440", "\u041F\u0435\u0442\u044F")).toBe(false);
    expect(confusable("Zoë", "Zoe")).toBe(false);
  });
});
