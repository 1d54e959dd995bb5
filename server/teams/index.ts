export { createTeams, teamIdFrom, TeamError, type Teams } from "./teams.js";
