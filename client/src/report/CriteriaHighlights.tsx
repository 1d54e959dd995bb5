import type { CriterionHighlight } from "./summary.js";

function HighlightList({ title, items, testId, empty }: { title: string; items: CriterionHighlight[]; testId: string; empty: string }) {
  return (
    <section className="highlights" data-testid={testId}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {items.map((c) => (
            <li key={c.key}>
              <strong>{c.title}</strong> <span className="score-pill">{c.score}/4</span>
              <span className="muted small"> · {c.questionTitle}</span>
              <p>{c.line}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The three strongest and three weakest criteria, one line each. */
export function CriteriaHighlights({
  strongest,
  weakest,
  belowFull,
}: {
  strongest: CriterionHighlight[];
  weakest: CriterionHighlight[];
  belowFull: number;
}) {
  // A criterion at 3 of 4 listed under "Strongest" is still below full marks: say where it is rather than "none".
  const noneToWorkOn = belowFull === 0 ? "Nothing below full marks." : "Nothing more: what is below full marks is listed under Strongest.";
  return (
    <div className="highlights-grid">
      <HighlightList title="Strongest" items={strongest} testId="strongest" empty="No criterion reached 3 of 4 yet." />
      <HighlightList title="To work on" items={weakest} testId="weakest" empty={noneToWorkOn} />
    </div>
  );
}
