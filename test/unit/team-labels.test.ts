import { describe, expect, it } from "vitest";
import { TeamNameSchema, TokenLabelSchema } from "../../server/contracts/index.js";
import { confusable, skeleton } from "../../server/contracts/confusables.js";
import { CONFUSABLES_DATA } from "../../server/contracts/confusables-data.js";
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
    // Whole-Cyrillic Роре and Latin Pope; сёр and cëp (their diacritics are left out of the skeleton, see below).
    expect(confusable("Pope", "\u0420\u043E\u0440\u0435")).toBe(true);
    expect(confusable("c\u00EBp", "\u0441\u0451\u0440")).toBe(true);
    expect(confusable("\u0391\u039A\u039C\u0395", "AKME")).toBe(true);
    expect(confusable("Ivan", "lvan")).toBe(true);
    expect(confusable("rev1", "revl")).toBe(true);
    expect(confusable("B0B", "BOB")).toBe(true);
    expect(confusable("Kim", "Kirn")).toBe(true);
    expect(skeleton("\u0440\u0435v1")).toBe("pevl");
  });

  it("dashes, apostrophes and case do not make a label another person (outside-in finding)", () => {
    for (const dash of ["\u2010", "\u2011", "\u2013", "\u2014", "\u2212"]) expect(confusable("Ann-Lee", `Ann${dash}Lee`)).toBe(true);
    for (const mark of ["\u2019", "\u02BC", "\u2032", "`"]) expect(confusable("O'Neil", `O${mark}Neil`)).toBe(true);
    // Small and full-width hyphen-minus fold to "-" by NFKC: the same label, which the caller refuses as taken.
    expect(confusable("Ann-Lee", "Ann\uFF0DLee")).toBe(false);
    expect(confusable("Alice Smith", "ALICE SMITH")).toBe(true);
    expect(confusable("alice smith", "Alice Smith")).toBe(true);
    expect(confusable("editor-1", "EDITOR-1")).toBe(true);
    // Case and look-alikes at once.
    expect(confusable("ALlCE SMlTH", "Alice Smith")).toBe(true);
    expect(confusable("BOB ST0NE", "Bob Stone")).toBe(true);
    expect(confusable("Ann Lee", "Anna Lee")).toBe(false);
  });

  it("separators and trailing marks do not make a label another person either (redteam, session 16)", () => {
    for (const other of ["Dana Reviewer.", "Dana-Reviewer", "Dana_Reviewer", "DanaReviewer", "Dana Reviewer\u02D9", "Dana Reviewer\u0301"])
      expect(confusable("Dana Reviewer", other)).toBe(true);
    expect(confusable("Ann-Lee", "Ann Lee")).toBe(true);
    expect(confusable("Dana Reviewer", "Dina Reviewer")).toBe(false);
    // Labels of no letters or digits keep their marks: two of them are still told apart.
    expect(confusable("***", "+++")).toBe(false);
  });

  it("different-looking labels, and identical ones, are not confusable (identical is the caller's own rule)", () => {
    expect(confusable("Sam", "Sam")).toBe(false);
    expect(confusable("Sam", "Pam")).toBe(false);
    expect(confusable("rev1", "rev2")).toBe(false);
    expect(confusable("\u041F\u0435\u0442\u0440", "\u041F\u0435\u0442\u044F")).toBe(false);
  });

  it("a word may not start with a combining mark (it has no letter to sit on), named by code point", () => {
    expect(refusal("\u0301Alice Smith")).toBe(
      "a token label may not start a word with a combining mark (found U+0301, which has no letter to sit on); put it after the letter it marks",
    );
    expect(refusal("Alice \u0332Smith")).toContain("U+0332");
    // After the spaces collapse and trim: still at the start.
    expect(refusal("\u00A0\u0307Bob")).toContain("U+0307");
    // Marks after their letter are how names are written.
    for (const label of ["Jose\u0301", "Zoe\u0308 O'Brien", "\u0928\u093F\u0936\u093E"]) expect(refusal(label), label).toBeNull();
  });

  it("ignores the diacritics any letter can carry: a stray accent, dot or line does not make another name", () => {
    expect(confusable("\u0301Alice Smith", "Alice Smith")).toBe(true);
    expect(confusable("Ali\u0307ce Smith", "Alice Smith")).toBe(true);
    expect(confusable("Alice S\u0332mith", "Alice Smith")).toBe(true);
    expect(confusable("A\u0300\u0301\u0302lice", "Alice")).toBe(true);
    expect(confusable("Zo\u00EB", "Zoe")).toBe(true);
    expect(confusable("Jos\u00E9", "Jose")).toBe(true);
    expect(skeleton("Zo\u00EB")).toBe(skeleton("Zoe"));
    // Marks a script spells with are kept: kana voicing (ka/ga), Devanagari vowel signs.
    expect(confusable("\u304B\u3068\u3046", "\u304C\u3068\u3046")).toBe(false);
    expect(confusable("\u0930\u093E\u092E", "\u0930\u092E")).toBe(false);
  });

  it("Unicode's confusables reach look-alikes the hand-written map missed, in every script", () => {
    // Cyrillic capital soft sign (as b), ghe, u, ie, komi de, omega, straight u: whole-Cyrillic words that read as
    // Latin ones. Unicode keeps the small soft sign apart (its prototype is Latin tone six, not b).
    expect(confusable("bob", "\u042C\u043E\u042C")).toBe(true);
    expect(confusable("bob", "\u044C\u043E\u044C")).toBe(false);
    expect(confusable("rye", "\u0433\u0443\u0435")).toBe(true);
    expect(confusable("dew", "\u0501\u0435\u0461")).toBe(true);
    expect(confusable("Yes", "\u04AE\u0435\u0455")).toBe(true);
    // Greek digamma, sigma, san: "FOX" in archaic Greek capitals, "ΜΟΣ" is not "MOS" (Σ is not S).
    expect(confusable("FOX", "\u03DC\u039F\u03A7")).toBe(true);
    expect(skeleton("\u03C3\u03FA")).toBe("oM");
    expect(confusable("MOS", "\u039C\u039F\u03A3")).toBe(false);
    // Armenian keh, seh, ra; ayb; gim: "fun", "w", "q".
    expect(confusable("fun", "\u0584\u057D\u057C")).toBe(true);
    expect(skeleton("\u0561\u0563")).toBe("wq");
    // Lisu capitals and Tifinagh, which the hand map did not cover at all.
    expect(confusable("SAM", "\uA4E2\uA4EE\uA4DF")).toBe(true);
    expect(skeleton("\u2D54")).toBe("O");
    // Latin's own: script a, script g, dotless i.
    expect(confusable("alice", "\u0251l\u0131ce")).toBe(true);
    expect(confusable("greg", "\u0261re\u0261")).toBe(true);
  });

  it("full-width and mathematical letters fold first (NFKC), then meet the same look-alikes", () => {
    expect(skeleton("\uFF30\uFF4F\uFF50\uFF45")).toBe("Pope");
    expect(confusable("\uFF30\uFF4F\uFF50\uFF45", "\u0420\u043E\u0440\u0435")).toBe(true);
    expect(confusable("\u{1D40F}\u{1D428}\u{1D429}\u{1D41E}", "\u0420\u043E\u0440\u0435")).toBe(true);
    expect(skeleton("\u{1D7CE}\u{1D7CF}")).toBe("Ol");
  });

  it("the generated table is bounded: one non-ASCII letter or digit that NFKC and NFD keep, to a prototype in NFD", () => {
    const lines = CONFUSABLES_DATA.trim().split("\n");
    expect(lines.length).toBeGreaterThan(1000);
    expect(lines.length).toBeLessThan(2500);
    for (const line of lines) {
      const [from, to] = line.split(";").map((f) =>
        f
          .split(" ")
          .map((h) => String.fromCodePoint(parseInt(h, 16)))
          .join(""),
      );
      expect(from, line).toMatch(/^[\p{L}\p{N}]$/u);
      expect(from!.normalize("NFKC"), line).toBe(from);
      expect(from!.normalize("NFD"), line).toBe(from);
      expect(to!.normalize("NFD"), line).toBe(to);
    }
  });
});
