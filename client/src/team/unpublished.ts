/**
 * Whether the pack editor holds unpublished edits. In-app navigation does not
 * fire beforeunload, so links and buttons that leave the editor ask here first.
 */
let unpublished = false;

export function setUnpublished(value: boolean): void {
  unpublished = value;
}

/** True when it is fine to leave: nothing unpublished, or the user agreed to drop it. */
export function confirmLeavingEditor(): boolean {
  return !unpublished || window.confirm("You have unpublished changes in the pack editor. Leave and lose them?");
}
