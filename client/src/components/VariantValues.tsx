import type { ReportQuestion } from "../../../server/contracts/index.js";

/** The values this sitting of a question drew (traffic, prices, names), so the numbers in the answer can be checked against them. */
export function VariantValues({ values }: { values: ReportQuestion["variables"] }) {
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return null;
  return (
    <p className="variant-values" data-testid="variant-values">
      <span className="tag">this sitting's values</span>{" "}
      {entries.map(([name, value], i) => (
        <span key={name}>
          {i > 0 ? ", " : ""}
          <code>{name}</code> = {typeof value === "string" ? value : JSON.stringify(value)}
        </span>
      ))}
    </p>
  );
}
