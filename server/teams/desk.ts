import type { DraftQuestionResult, SuggestTermsBody, TermSuggestions } from "../contracts/index.js";
import type { ModelConfig } from "../llm/index.js";
import { createChatModel } from "../llm/index.js";
import type { InterviewService } from "../interview/index.js";
import type { PackLibrary } from "../packs/index.js";
import type { Store } from "../store/index.js";
import { createQuestionDrafter, type QuestionDrafter } from "./authoring/draft-question.js";
import type { DraftPlacement } from "./authoring/place-draft.js";
import { suggestEvidenceTerms } from "./authoring/suggest-terms.js";
import { createInvites } from "./invites.js";
import { createReview } from "./review.js";
import { createSignals } from "./signals.js";
import type { Teams } from "./teams.js";

/** Everything a hiring team does after authoring: invites, signals, review; built once in createApp. */
export function createTeamDesk(deps: {
  store: Store;
  teams: Teams;
  packs: PackLibrary;
  service: InterviewService;
  now: () => number;
  model: ModelConfig | null;
  /** Places a drafted question in the editor's pack (the server: in the pack reader's thread); on this thread when absent. */
  placeDraft?: ((placement: DraftPlacement, team: string) => Promise<DraftQuestionResult>) | undefined;
  /** Suggests evidence terms for `team` (the server: in the pack reader's thread); on this thread when absent. */
  suggestTerms?: ((body: SuggestTermsBody, team: string) => Promise<TermSuggestions>) | undefined;
}) {
  const drafter: QuestionDrafter | null = deps.model
    ? createQuestionDrafter(createChatModel(deps.model, deps.model.labModel), { timeoutMs: deps.model.timeoutMs, place: deps.placeDraft })
    : null;
  return {
    teams: deps.teams,
    invites: createInvites(deps),
    signals: createSignals(deps),
    review: createReview(deps),
    drafter,
    suggestTerms: deps.suggestTerms ?? (async (body: SuggestTermsBody) => suggestEvidenceTerms(body)),
  };
}
export type TeamDesk = ReturnType<typeof createTeamDesk>;
