import type { Draft } from "../../../server/contracts/index.js";

const timeOfDay = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/**
 * This answer was saved from another tab or window after this one's text was typed (DRAFT_STALE): nothing typed
 * here is saved until the candidate chooses. Loading the newer text replaces this box's; keeping this text saves it
 * over the newer one. Either way it is the candidate's choice, never a silent overwrite (finding F6).
 */
export function StaleDraftNotice({
  newer,
  onLoad,
  onKeepMine,
  disabled,
}: {
  newer: Draft | null;
  onLoad: (newer: Draft) => void;
  onKeepMine: (newer: Draft | null) => void;
  disabled: boolean;
}) {
  return (
    <div className="notice warn stale-draft" role="alert" data-testid="stale-draft">
      <p>
        {newer
          ? `This answer was saved from another tab or window at ${timeOfDay(newer.savedAt)}, after your text here was typed. `
          : "This answer was changed from another tab or window. "}
        What you type here is not saved until you choose.
      </p>
      <div className="stale-draft-actions">
        {newer && (
          <button type="button" className="primary" onClick={() => onLoad(newer)} disabled={disabled} data-testid="load-newer-draft">
            Load the newer text (replaces yours here)
          </button>
        )}
        <button type="button" onClick={() => onKeepMine(newer)} disabled={disabled} data-testid="keep-my-draft">
          Keep my text (replaces the other tab's)
        </button>
      </div>
    </div>
  );
}
