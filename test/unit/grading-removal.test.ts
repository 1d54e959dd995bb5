import { describe, expect, it } from "vitest";
import { gradeOne, oneCriterionPack } from "../helpers/one-criterion.js";

// A key point that is an absence ("no arbitrary shell") is stated by taking the thing away ("kill the shell
// tool"), and only contradicted where the answer keeps it (language/removal.ts). Positive points are read as before.
const pack = oneCriterionPack({
  prompt: "An on-call agent will read logs and act on production. What limits would you put on its tools?",
  concepts: [
    { label: "no arbitrary shell", terms: ["no shell", "no arbitrary command"] },
    { label: "read-only database", terms: ["read-only", "replica"] },
    { label: "redact personal data", terms: ["personal data", "redact"] },
  ],
  exemplars: [
    {
      level: "strong",
      score: 4,
      answer:
        "No arbitrary shell: only typed tools. The database access is read-only against a replica. Redact personal data from the logs it reads.",
    },
    { level: "weak", score: 1, answer: "Tell it to be careful." },
  ],
});
const read = (text: string) => {
  const { criterion } = gradeOne(pack, text);
  return {
    points: criterion.evidence.map((e) => e.note),
    opposite: /States the opposite of: ([^.]*)\./.exec(criterion.feedback)?.[1] ?? null,
  };
};

describe("a thing taken away states a point that is its absence", () => {
  it.each([
    "Kill the shell tool. SQL goes to a read-only replica.",
    "I remove shell and give only specific tools. Database only with read-only user.",
    "Permissions are enforced in code, the shell tool is removed, SQL is read-only.",
    "The arbitrary shell goes; typed tools instead. Read-only replica for SQL.",
    "Get rid of the shell. Read-only replica.",
    "Take away the shell tool, and use a read-only replica.",
    "Turn off shell access. Read-only replica.",
    "Shell access must be disabled. Read-only replica.",
  ])("%s", (text) => {
    expect(read(text)).toEqual({ points: ["no arbitrary shell", "read-only database"], opposite: null });
  });

  it.each([
    "The shell tool is needed because incidents are unpredictable. Read-only replica.",
    "Keep the shell tool for flexibility. Read-only replica.",
    "Don't remove the shell; it is useful. Read-only replica.",
    "We never disable the shell tool. Read-only replica.",
  ])("keeping it is still the opposite: %s", (text) => {
    expect(read(text)).toEqual({ points: ["read-only database"], opposite: "no arbitrary shell" });
  });

  it("a positive point taken away is read as before: removing personal data states redaction", () => {
    expect(read("Remove personal data from the logs before the model reads them. Read-only replica.").points).toEqual([
      "read-only database",
      "redact personal data",
    ]);
  });

  it("a removal verb far from the thing, or in another clause, says nothing of it", () => {
    expect(read("We remove stale dashboards every quarter, and the shell tool stays for incidents. Read-only replica.")).toEqual({
      points: ["read-only database"],
      opposite: "no arbitrary shell",
    });
  });
});
