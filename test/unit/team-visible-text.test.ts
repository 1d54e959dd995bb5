import { describe, expect, it } from "vitest";
import { confusable, OverrideBodySchema, TokenLabelSchema } from "../../server/contracts/index.js";
import { skeleton } from "../../server/contracts/confusables.js";
import { knownScripts, scriptsOf, UNKNOWN_SCRIPT } from "../../server/contracts/scripts.js";
import { createStore, migrateToLatest, openSqlite } from "../../server/store/index.js";
import { createTeams, TeamError } from "../../server/teams/index.js";

/** The refusal message a token label gets, or its stored form when accepted. */
const label = (text: string) => {
  const parsed = TokenLabelSchema.safeParse(text);
  return parsed.success ? { stored: parsed.data } : { refused: parsed.error.issues[0]!.message };
};

describe("spaces in visible names", () => {
  it("every run of spaces is stored as one ASCII space (a page collapses them anyway)", () => {
    // Two and three ASCII spaces, NBSP + thin space, ideographic space, narrow NBSP, Ogham space mark, line separator.
    for (const text of ["Sam  Lee", "Sam   Lee", "Sam\u00A0\u2009Lee", "Sam\u3000Lee", "Sam\u202FLee", "Sam\u1680Lee", "Sam\u2028Lee"])
      expect(label(text), JSON.stringify(text)).toEqual({ stored: "Sam Lee" });
    expect(label("Sam Lee")).toEqual({ stored: "Sam Lee" });
    expect(label("Mary Jane Smith")).toEqual({ stored: "Mary Jane Smith" });
  });

  it("a label stored before the rule meets its look-alikes, and equals its collapsed self", () => {
    expect(skeleton("Sam   Lee")).toBe(skeleton("Sam Lee"));
    expect(confusable("Ivan  Smith", "lvan Smith")).toBe(true);
    // The same name with other spacing is the same name, not a look-alike (invites allow the same label again).
    expect(confusable("Ivan  Smith", "Ivan Smith")).toBe(false);
    expect(confusable("Sam Lee", "Sam Lea")).toBe(false);
  });
});

describe("mixed scripts, for every script", () => {
  it("refuses a Latin word with one Armenian, Coptic, Cherokee, Arabic or Devanagari letter in it", () => {
    expect(label("\u0585wner")).toEqual({
      refused:
        'a token label may not mix Latin and Armenian letters in one word ("\u0585wner" holds U+0585, an Armenian letter); write each word in one script',
    });
    expect(label("\u2C9Fwner").refused).toContain("U+2C9F, a Coptic letter");
    expect(label("\u13BEwner").refused).toContain("U+13BE, a Cherokee letter");
    expect(label("adm\u0627n").refused).toContain("U+0627, an Arabic letter");
    expect(label("ra\u0935i").refused).toContain("U+0935, a Devanagari letter");
    // Another script's digit in a Latin word: named as a digit.
    expect(label("rev\u0661").refused).toContain("U+0661, an Arabic digit");
    // Two non-Latin scripts: Han with Cyrillic, Hangul with Katakana (Korean and Japanese are separate sets).
    expect(label("\u6771\u4EAC\u0434").refused).toContain("U+0434, a Cyrillic letter");
    expect(label("\uC11C\uC6B8\u30BF").refused).toContain("U+30BF, a Katakana letter");
  });

  it("keeps whole words of any one script and the combinations Japanese, Chinese and Korean are written in", () => {
    for (const text of [
      "\u0540\u0561\u0575\u0561\u057D\u057F\u0561\u0576", // Հայաստան (Armenian)
      "\u6771\u4EAC\u30BF\u30EF\u30FC", // 東京タワー (Han + Katakana + the shared prolonged sound mark)
      "\u3072\u3089\u304C\u306A\u30AB\u30BF\u30AB\u30CA\u6F22\u5B57", // hiragana, katakana and kanji in one word
      "\u6771\u4EAC\u30BF\u30EF\u30FCtower", // Japanese with Latin
      "\uC11C\uC6B8Seoul\u5E02", // Hangul, Latin and Han
      "\u5317\u4EAC\u3105", // Han with Bopomofo
      "\u0410\u043B\u0435\u043A\u0441\u0430\u043D\u0434\u0440", // Cyrillic
      "\u05D3\u05D5\u05D3", // Hebrew
      "\u0645\u062D\u0645\u062F \u0661\u0662", // Arabic with Arabic-Indic digits
      "Ivan \u041F\u0435\u0442\u0440\u043E\u0432", // two words, two scripts
      "\u0540\u0561\u0575 Smith",
      "\u13A0\u13A1\u13A2", // whole Cherokee
    ])
      expect(label(text), text).toHaveProperty("stored");
  });

  it("knows a script for every letter and digit of this engine's Unicode (none falls through as unknown)", () => {
    // One pattern for every script listed (testing scriptsOf itself on each of ~150,000 letters is slow).
    const listed = new RegExp(
      knownScripts()
        .map((name) => `\\p{Script_Extensions=${name}}`)
        .join("|") + "|\\p{Script_Extensions=Common}|\\p{Script_Extensions=Inherited}",
      "u",
    );
    const unknown: string[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const ch = String.fromCodePoint(cp);
      if (/[\p{L}\p{N}]/u.test(ch) && !listed.test(ch)) unknown.push(cp.toString(16));
    }
    expect(unknown).toEqual([]);
    expect(scriptsOf("\u30FC")?.all).toEqual(new Set(["Hiragana", "Katakana"]));
    expect(scriptsOf("7")).toBeNull();
    expect(UNKNOWN_SCRIPT).toBe("Unknown");
  });
});

describe("phonetic and small-capital letters", () => {
  it("are refused, naming the code point", () => {
    expect(label("own\u1D07r")).toEqual({
      refused: 'a token label may not hold phonetic or small-capital letters (found U+1D07 "\u1D07"); write the ordinary letter',
    });
    // Small capital I (IPA Extensions), script a (IPA), small capital S (Latin Extended-D), Latin Extended-G.
    for (const [text, cp] of [
      ["\u026Avan", "U+026A"],
      ["\u0251lice", "U+0251"],
      ["\uA731am", "U+A731"],
      ["x\u{1DF0A}", "U+1DF0A"],
    ] as const)
      expect(label(text).refused, text).toContain(cp);
  });

  it("keeps the IPA-block letters living alphabets write names with, and modifier letters like the okina", () => {
    for (const text of ["\u018Fliyev \u0259li", "K\u0254fi", "\u0190w\u025B", "\u0253\u0257\u0272", "Hawai\u02BBi"])
      expect(label(text), text).toHaveProperty("stored");
  });
});

describe("look-alikes in single-script labels beyond Cyrillic and Greek", () => {
  it("maps Armenian, Coptic and Cherokee look-alikes to their Latin prototype", () => {
    expect(confusable("go", "\u0581\u0585")).toBe(true); // ցօ
    expect(confusable("ox", "\u2C9F\u2CAD")).toBe(true); // ⲟⲭ
    expect(confusable("SEAT", "\u13DA\u13AC\u13AA\u13A2")).toBe(true); // ᏚᎬᎪᎢ
    expect(confusable("go", "\u0581\u0561")).toBe(false); // ցա: the second letter is no o
    expect(confusable("DEAR", "\u13A0\u13A1\u13AA\u13A1")).toBe(false); // ᎠᎡᎪᎡ reads DRAR
  });
});

describe("free text the team pages show", () => {
  const note = (text: string) => OverrideBodySchema.safeParse({ questionId: "q1", criterionId: "c1", score: 2, note: text });
  it("an override note with a bidi control or another hidden character is refused, naming it", () => {
    expect(note("\u202Eevil\u202C note").error?.issues[0]?.message).toBe(
      "an override note may not hold a bidi control (U+202E), which changes how the text reads on screen",
    );
    expect(note("fair \u2066isolate\u2069").error?.issues[0]?.message).toContain("U+2066");
    expect(note("zero\u200Bwidth").error?.issues[0]?.message).toContain("an invisible or control character (U+200B)");
    expect(note("bell\u0007").success).toBe(false);
  });

  it("keeps line breaks, tabs, joiners, directional marks and emoji in a note", () => {
    for (const text of [
      "first line\nsecond line\ttab",
      "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", // Persian with a ZWNJ
      "\u05E9\u05DC\u05D5\u05DD\u200F (v2)", // Hebrew with a right-to-left mark
      "good \u{1F469}\u200D\u{1F4BB} \u2764\uFE0F",
      "Note  with   spaces kept", // free text keeps its spacing (only names are collapsed)
    ])
      expect(note(text).success, text).toBe(true);
  });
});

describe("labels through the team service", () => {
  const setup = async () => {
    const { db } = openSqlite(":memory:");
    await migrateToLatest(db);
    const store = createStore(db);
    const teams = createTeams(store, () => 1_000);
    await teams.create("Acme");
    return { store, teams };
  };
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (err: TeamError) => err.code,
    );

  it("labels differing only in spaces are LABEL_TAKEN; spaced look-alikes LABEL_CONFUSABLE", async () => {
    const { teams } = await setup();
    await teams.createToken("acme", "Sam Lee", "reviewer");
    expect(await refusal(teams.createToken("acme", "Sam  Lee", "reviewer"))).toBe("LABEL_TAKEN");
    expect(await refusal(teams.createToken("acme", "Sam\u00A0\u00A0\u00A0Lee", "reviewer"))).toBe("LABEL_TAKEN");
    expect(await refusal(teams.createToken("acme", "Sam  Lee 2", "reviewer"))).toBeNull();
    await teams.createToken("acme", "towner x", "viewer");
    expect(await refusal(teams.createToken("acme", "t\u0585wner x", "viewer"))).toBe("BAD_PAYLOAD");
    expect(await refusal(teams.createToken("acme", "town\u1D07r x", "viewer"))).toBe("BAD_PAYLOAD");
  });

  it("a label stored with several spaces (before the rule) still blocks its one-space and look-alike forms", async () => {
    const { store, teams } = await setup();
    await store.teams.addToken({ id: "tok_old", token_hash: "h", team_id: "acme", label: "Sam  Lee", role: "reviewer", created_at: 1 });
    expect(await refusal(teams.createToken("acme", "Sam Lee", "reviewer"))).toBe("LABEL_TAKEN");
    expect(await refusal(teams.createToken("acme", "5am Lee", "reviewer"))).toBeNull();
    expect(await refusal(teams.createToken("acme", "Sarn Lee", "reviewer"))).toBe("LABEL_CONFUSABLE");
  });

  it("a name in another script makes no team id: the refusal says so and how to give one; --id is validated", async () => {
    const { teams } = await setup();
    const cyrillic = await teams.create("\u0410\u0441\u043C\u0435").catch((err: TeamError) => err);
    expect(cyrillic).toBeInstanceOf(TeamError);
    expect((cyrillic as TeamError).message).toBe(
      '"\u0410\u0441\u043C\u0435" has letters, but none in ASCII to make a team id from (ids are a-z, 0-9 and "-"); give one with --id, e.g. --id acme',
    );
    expect((await teams.create("\u0410\u0441\u043C\u0435", "acme-ru")).team).toMatchObject({
      id: "acme-ru",
      name: "\u0410\u0441\u043C\u0435",
    });
    expect((await teams.create("!!!").catch((err: TeamError) => err.message)) as string).toContain("has no letters or digits");
    for (const bad of ["Acme", "acme_ru", "-acme", "acme--ru", "a".repeat(41), ""])
      expect(await refusal(teams.create("Team", bad)), bad).toBe("BAD_PAYLOAD");
    expect(await refusal(teams.create("Team", "acme"))).toBe("TEAM_EXISTS");
  });

  it("a refused grant names the role with the right article", async () => {
    const { teams } = await setup();
    const err = await teams
      .createToken("acme", "Ed", "owner", { tokenId: "tok_ed", label: "Ed", role: "editor" })
      .catch((e: TeamError) => e.message);
    expect(err).toBe("an editor token cannot grant the owner role (it would hand out more than it holds)");
  });
});
