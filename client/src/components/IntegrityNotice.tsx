import type { IntegrityFlag } from "../../../server/contracts/index.js";

/** Flags for text that tried to steer the grader; these cost each scored criterion one level. */
const STEERING: ReadonlySet<IntegrityFlag["kind"]> = new Set<IntegrityFlag["kind"]>([
  "grader-instruction",
  "fake-verdict",
  "role-tag",
  "self-assessment",
  "hidden-instruction",
]);

/** What the grader set aside before scoring, and why: calm, factual, visible. */
export function IntegrityNotice({ flags }: { flags: readonly IntegrityFlag[] }) {
  if (flags.length === 0) return null;
  const steering = flags.some((f) => STEERING.has(f.kind));
  return (
    <section className="integrity-notice" data-testid="integrity-flags" aria-label="Parts of the answer set aside">
      <p className="integrity-lead">Parts of this answer were set aside:</p>
      <ul>
        {flags.map((f, i) => (
          <li key={`${i}-${f.kind}`} data-testid="integrity-flag" data-kind={f.kind}>
            {f.message}
            {f.quote && (
              <>
                {" "}
                <q className="integrity-quote">{f.quote}</q>
              </>
            )}
          </li>
        ))}
      </ul>
      {steering && <p className="integrity-penalty">Each scored criterion was lowered by one level for trying to steer the grader.</p>}
    </section>
  );
}
