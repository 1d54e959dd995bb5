import { routes, type PracticeRequest, type SessionProof } from "../../server/contracts/index.js";
import { callRoute } from "./call-route.js";

/** Kept under its old name: pages tell "not found" from "try again" by its `code`. */
export { ApiError as HttpError } from "./call-route.js";

export const fetchPacks = () => callRoute(routes.listPacks, {});

/** One pack by key ("acme/backend"): public or unlisted, as a team shares it by link. */
export const fetchPack = (key: string) => callRoute(routes.getPack, { params: { key } });

export const fetchReport = (sessionId: string, resumeToken: string) => callRoute(routes.report, { params: { sessionId }, resumeToken });

/** The sessions this browser's resume tokens prove, newest first. */
export const fetchHistory = (sessions: SessionProof[]) => callRoute(routes.history, { body: { sessions } });

/** Public questions whose rubrics score the given criteria ("practise next"). */
export const fetchPractice = (request: PracticeRequest) => callRoute(routes.practice, { body: request });

export const createShareLink = (sessionId: string, resumeToken: string) =>
  callRoute(routes.createShare, { params: { sessionId }, resumeToken });

export const revokeShareLinks = (sessionId: string, resumeToken: string) =>
  callRoute(routes.revokeShares, { params: { sessionId }, resumeToken });

/** A report opened through a share link: no resume token involved. */
export const fetchSharedReport = (token: string) => callRoute(routes.sharedReport, { params: { token } });
