import type { IntegrityFlag } from "../../../server/contracts/index.js";

/**
 * Reports graded before coverage-10 took a level off every scored criterion for an attempt to steer the grader, and
 * their flag messages say so; since then the flagged text is only removed, and the rest graded as if it were not there.
 */
const PENALISED = /cost one level on every scored criterion/;

/** What the grader set aside before scoring, and why: calm, factual, visible. */
export function IntegrityNotice({ flags }: { flags: readonly IntegrityFlag[] }) {
  if (flags.length === 0) return null;
  const penalised = flags.some((f) => PENALISED.test(f.message));
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
      {penalised ? (
        <p className="integrity-penalty">Each scored criterion was lowered by one level for trying to steer the grader.</p>
      ) : (
        <p className="integrity-rest">The rest of the answer was graded as if this text were not there.</p>
      )}
    </section>
  );
}
