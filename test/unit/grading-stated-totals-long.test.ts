import { describe, expect, it } from "vitest";
import { totalsAt } from "../../server/grading/checks/stated-totals.js";

/**
 * A sentence of thousands of figures: each figure's parts were found by filtering the sentence's figures again,
 * so 60,000 characters of "$1.5M" figures took 6 s and this one's 250,000 would run past the suite's hang limit
 * (90 s). Its parts are now found from lists made once per sentence; no clock here.
 */
describe("a total's parts in a sentence of many figures", () => {
  it("are found at once, and a total after the run is still read", () => {
    let run = "";
    for (let i = 0; run.length < 250_000; i++) run += `$${i}.5M `;
    const text = `${run}; Input $960 and output $480: $1,440 a month.`;
    expect(totalsAt(text)).toContain(text.indexOf("$1,440"));
  });

  it("reads a total of the parts before it or after it, of its period or none", () => {
    expect([...totalsAt("Input $960 and output $480: $1,440 a month.")]).toEqual([28]);
    expect([...totalsAt("USD 1,440 (USD 960 input, USD 480 output)")]).toEqual([0]);
    expect([...totalsAt("$54 a day $12 a day $66 a day")]).toEqual([]);
  });
});
