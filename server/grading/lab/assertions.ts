import { Validator } from "@cfworker/json-schema";
import type { PromptAssertion } from "../../scenarios/index.js";

export type AssertionOutcome = { passed: boolean; message: string };

/** promptfoo-style checks on one model output. */
export function checkAssertion(a: PromptAssertion, output: string): AssertionOutcome {
  switch (a.type) {
    case "contains":
      return { passed: output.includes(a.value), message: `contains "${a.value}"` };
    case "not-contains":
      return { passed: !output.includes(a.value), message: `does not contain "${a.value}"` };
    case "regex":
      return { passed: new RegExp(a.value).test(output), message: `matches /${a.value}/` };
    case "max-length":
      return { passed: output.length <= a.value, message: `at most ${a.value} characters` };
    case "is-json": {
      let value: unknown;
      try {
        value = JSON.parse(output.trim());
      } catch {
        return { passed: false, message: "is valid JSON" };
      }
      if (!a.schema) return { passed: true, message: "is valid JSON" };
      const result = new Validator(a.schema as never, "2020-12", false).validate(value);
      return { passed: result.valid, message: "is JSON matching the schema" };
    }
  }
}
