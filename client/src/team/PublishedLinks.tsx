import type { PackSummary } from "./types.js";

/** After publishing: the link to share (unlisted and public packs) and the way to invite a candidate. */
export function PublishedLinks({ published, onInvite }: { published: PackSummary; onInvite: () => void }) {
  const share = `${window.location.origin}/?pack=${published.key.split("/").map(encodeURIComponent).join("/")}`;
  return (
    <div className="published-links" data-testid="published-links">
      {published.visibility === "private" ? (
        <p className="muted small">Private: candidates reach it only through an invite.</p>
      ) : (
        <p className="small">
          Share link: <code data-testid="share-link">{share}</code>
        </p>
      )}
      <button type="button" data-testid="invite-from-editor" onClick={onInvite}>
        Invite a candidate…
      </button>
    </div>
  );
}
