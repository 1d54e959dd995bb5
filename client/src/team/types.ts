/** The team authoring API's shapes, from the shared contract (server/contracts/team-packs.ts). */
export {
  VISIBILITIES,
  type PackDetail,
  type PackIssue,
  type PackSummary,
  type PackVersionInfo,
  type TeamInfo,
  type ValidateResult,
  type Visibility,
} from "../../../server/contracts/index.js";
