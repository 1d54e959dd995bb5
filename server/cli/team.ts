import { loadConfig } from "../config.js";
import { createStore, migrateToLatest, openSqlite } from "../store/index.js";
import { createTeams, TeamError } from "../teams/index.js";

const USAGE = `usage: npm run -s cli -- team create <name>
       npm run -s cli -- team token <team-id> [label]
       npm run -s cli -- team list
(uses the database in DATA_DIR, like the server)`;

/** `team create|token|list`: manage hiring teams and their API tokens. */
export async function teamCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || !["create", "token", "list"].includes(sub)) {
    console.error(USAGE);
    return 2;
  }
  const { db } = openSqlite(loadConfig().databaseFile);
  try {
    await migrateToLatest(db);
    const teams = createTeams(createStore(db), Date.now);
    if (sub === "list") {
      for (const t of await teams.list()) console.log(`${t.id}\t${t.name}`);
      return 0;
    }
    const name = rest.join(" ").trim();
    if (!name) {
      console.error(USAGE);
      return 2;
    }
    if (sub === "create") {
      const { team, token } = await teams.create(name);
      console.log(`created team "${team.id}" (${team.name})`);
      console.log(`API token (shown once, store it now): ${token}`);
      console.log(`upload a pack: curl -X POST -H "Authorization: Bearer ${token}" --data-binary @pack.yaml http://localhost:3000/api/teams/${team.id}/packs`);
    } else {
      const [teamId, ...label] = rest;
      const token = await teams.issueToken(teamId!, label.join(" ") || "issued from the CLI");
      console.log(`API token for "${teamId}" (shown once, store it now): ${token}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof TeamError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}
