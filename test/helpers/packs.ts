import { fileURLToPath } from "node:url";
import { loadPacksFromDir, type Pack } from "../../server/scenarios/index.js";
import type { TestServer } from "./server.js";

export const FIXTURE_PACKS_DIR = fileURLToPath(new URL("../fixtures/packs/", import.meta.url));
export const BUILTIN_PACKS_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));

export function miniPack(): Pack {
  const pack = loadPacksFromDir(FIXTURE_PACKS_DIR).find((p) => p.id === "mini");
  if (!pack) throw new Error("fixture pack mini missing");
  return pack;
}

/** The mini pack with every round shortened to `seconds`, for timeout paths. */
export function miniPackWithRoundSeconds(seconds: number): Pack {
  const pack = miniPack();
  return { ...pack, rounds: pack.rounds.map((r) => ({ ...r, minutes: seconds / 60 })) };
}

/** Publish a pack's YAML as team Acme (its owner's token), at a visibility; the response as the API gives it. */
export function uploadTeamPack(
  server: TestServer,
  token: string,
  yaml: string,
  visibility: "public" | "unlisted" | "private",
): Promise<Response> {
  return fetch(`${server.url}/api/teams/acme/packs?visibility=${visibility}`, {
    method: "POST",
    body: yaml,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Fields of a pack a candidate must never receive: no event, ack or report may carry a key of these names. */
export const SECRET_PACK_FIELDS = [
  "evidence",
  "exemplars",
  "anchors",
  "rubric",
  "strongAnswerAdds",
  "probes",
  "concepts",
  "referenceSolution",
  "testCode",
  "promptLab",
  "figures",
] as const;
