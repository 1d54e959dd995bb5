import { createHash, randomBytes } from "node:crypto";
import type { Store, TeamRow } from "../store/index.js";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** "Acme Hiring" -> "acme-hiring": the id used in URLs and pack keys. */
export function teamIdFrom(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
}

export class TeamError extends Error {
  override name = "TeamError";
}

/** Teams and their API tokens. A token is shown once; only its hash is stored. */
export function createTeams(store: Store, now: () => number) {
  const issueToken = async (teamId: string, label: string): Promise<string> => {
    const token = `mit_${randomBytes(24).toString("base64url")}`;
    await store.teams.addToken({ token_hash: hash(token), team_id: teamId, label, created_at: now() });
    return token;
  };
  return {
    async create(name: string): Promise<{ team: TeamRow; token: string }> {
      const id = teamIdFrom(name);
      if (!id) throw new TeamError(`"${name}" has no letters or digits to make a team id from`);
      if (await store.teams.get(id)) throw new TeamError(`a team with id "${id}" already exists`);
      const team = { id, name: name.trim(), created_at: now() };
      await store.teams.insert(team);
      return { team, token: await issueToken(id, "created with the team") };
    },
    async issueToken(teamId: string, label = "issued"): Promise<string> {
      if (!(await store.teams.get(teamId))) throw new TeamError(`no team "${teamId}"`);
      return issueToken(teamId, label);
    },
    /** The team a bearer token belongs to, or undefined for an unknown or revoked token. */
    authenticate: (token: string) => store.teams.teamForToken(hash(token)),
    list: () => store.teams.list(),
    get: (teamId: string) => store.teams.get(teamId),
  };
}
export type Teams = ReturnType<typeof createTeams>;
