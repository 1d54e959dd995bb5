/** The pack editor's panels; PackEditor holds the state and composes them. */
export { IssueList } from "./IssueList.js";
export { PublishPanel } from "./PublishPanel.js";
export { PreviewPanel } from "./PreviewPanel.js";
export { VersionsPanel } from "./VersionsPanel.js";
