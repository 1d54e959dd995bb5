export { createTeams, TeamError, tokenView, type Teams, type TeamIdentity } from "./teams.js";
export { createTeamDesk, type TeamDesk } from "./desk.js";
export { sessionsCsv, csvCell } from "./csv.js";
export { summariseSignals } from "./signals.js";
export { suggestEvidenceTerms } from "./authoring/suggest-terms.js";
export { teamAuthor } from "./author.js";
