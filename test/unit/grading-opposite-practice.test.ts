import { describe, expect, it } from "vitest";
import { conceptCoverage } from "../../server/grading/coverage.js";
import { keyPointCriterion } from "../helpers/one-criterion.js";

// Concepts as the built-in pack writes them (system-design-v2.yaml): a point at the small end of a scale of access,
// and a point that takes a thing out.
const criterion = keyPointCriterion({
  criterionId: "safety",
  criterionTitle: "Access and privacy",
  description: "Gives the agent least-privilege credentials and handles PII in the logs.",
  concepts: [
    { label: "least privilege and scopes", terms: ["least privilege", "scope", "scopes", "role-based", "rbac", "permission"] },
    { label: "PII handling", terms: ["pii", "personal data", "mask", "redact", "anonymi", "pseudonymi"] },
  ],
});
const shown = (text: string) => conceptCoverage(criterion, text, { prose: true }).hits.map((h) => h.label);

describe("a point's noun said of the practice the point warns against earns nothing", () => {
  it.each([
    // The other end of the scale said of the point's noun.
    "Give the agent full permissions so it never gets blocked.",
    "Give the agent admin-level permissions so it is not blocked by access errors.",
    "Grant the bot broad permissions across every repo.",
    "The service account gets unrestricted permissions on the cluster to keep things simple.",
    // The thing the point takes out, kept in.
    "Log everything including the raw prompts and user PII for debugging.",
    "Store the full transcripts, PII included, for a year.",
    "Send the whole record to the model along with the customer's personal data.",
  ])("%s", (text) => {
    expect(shown(text)).toEqual([]);
  });
});

describe("honest answers that name the practice to reject it keep their point", () => {
  it.each([
    ["Never give the agent full permissions; scope it to the repos it needs.", ["least privilege and scopes"]],
    ["Replace the admin permissions with least privilege.", ["least privilege and scopes"]],
    ["Check who holds admin permissions today and revoke them.", ["least privilege and scopes"]],
    ["Each tool gets its own permission and the agent holds only those.", ["least privilege and scopes"]],
    ["Log the prompts, including PII only after it is redacted.", ["PII handling"]],
    ["Never log raw prompts including PII.", ["PII handling"]],
    ["We never log raw prompts, including any PII.", ["PII handling"]],
    ["Watch for PII in the prompts and mask it before logging.", ["PII handling"]],
    // The point's own removal word is never crossed, whatever is included around it.
    ["Redact everything, including names and addresses, before the call.", ["PII handling"]],
  ])("%s", (text, labels) => {
    expect(shown(text)).toEqual(labels);
  });
});
