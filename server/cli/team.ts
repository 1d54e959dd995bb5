import { loadConfig } from "../config.js";
import { createStore, openDatabase, type DatabaseTarget, type PostgresTarget } from "../store/index.js";
import { createTeams, TeamError, type Teams } from "../teams/index.js";

const USAGE = `usage: npm run -s cli -- team create <name>
       npm run -s cli -- team list
       npm run -s cli -- team token list <team-id>
       npm run -s cli -- team token create <team-id> <label>     (one token per reviewer; the label names them in the audit trail)
       npm run -s cli -- team token rotate <team-id> <token-id>
       npm run -s cli -- team token revoke <team-id> <token-id>  (also the last one: the CLI is the way back in)
(uses the server's database: DATABASE_URL if set, else the one in DATA_DIR)`;

type Io = { out: (line: string) => void; err: (line: string) => void; databaseFile?: string; postgres?: PostgresTarget | null };
const defaultIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };
const when = (ms: number | null) => (ms === null ? "-" : new Date(ms).toISOString());

async function tokenCommand(teams: Teams, args: string[], io: Io): Promise<number> {
  const [sub, teamId, ...rest] = args;
  if (!sub || !teamId) return (io.err(USAGE), 2);
  if (sub === "list") {
    io.out("id\tlabel\tcreated\tlast used\trevoked");
    for (const t of await teams.tokens(teamId))
      io.out(`${t.id}\t${t.label}\t${when(t.created_at)}\t${when(t.last_used_at)}\t${when(t.revoked_at)}`);
    return 0;
  }
  if (sub === "create" || sub === "rotate") {
    const arg = rest.join(" ").trim();
    if (!arg) return (io.err(USAGE), 2);
    const { token, row } = sub === "create" ? await teams.createToken(teamId, arg) : await teams.rotateToken(teamId, arg);
    io.out(`${sub === "create" ? "created" : "rotated"} token ${row.id} "${row.label}" for "${teamId}"`);
    io.out(`API token (shown once, store it now): ${token}`);
    return 0;
  }
  if (sub === "revoke") {
    const row = await teams.revokeToken(teamId, rest[0] ?? "", { force: true });
    io.out(`revoked token ${row.id} "${row.label}"; requests with it now get 401`);
    return 0;
  }
  // Older form: `team token <team-id> [label]`.
  const { token } = await teams.createToken(sub, [teamId, ...rest].join(" ").trim() || "issued from the CLI");
  io.out(`API token for "${sub}" (shown once, store it now): ${token}`);
  return 0;
}

/** `team create|list|token ...`: manage hiring teams and their named API tokens. */
export async function teamCommand(args: string[], io: Io = defaultIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || !["create", "token", "list"].includes(sub)) {
    io.err(USAGE);
    return 2;
  }
  const database = await openDatabase(targetOf(io));
  try {
    const teams = createTeams(createStore(database.db), Date.now);
    if (sub === "list") {
      for (const t of await teams.list()) io.out(`${t.id}\t${t.name}`);
      return 0;
    }
    if (sub === "token") return await tokenCommand(teams, rest, io);
    const name = rest.join(" ").trim();
    if (!name) {
      io.err(USAGE);
      return 2;
    }
    const { team, token } = await teams.create(name);
    io.out(`created team "${team.id}" (${team.name})`);
    io.out(`API token (shown once, store it now): ${token}`);
    io.out(`(labelled "owner"; give each reviewer their own: team token create ${team.id} <name>)`);
    io.out(
      `upload a pack: curl -X POST -H "Authorization: Bearer ${token}" --data-binary @pack.yaml http://localhost:3000/api/teams/${team.id}/packs`,
    );
    return 0;
  } catch (err) {
    if (err instanceof TeamError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

/** The database the server would use, unless the caller (a test) names one. */
function targetOf(io: Io): DatabaseTarget {
  if (io.postgres) return { kind: "postgres", ...io.postgres };
  if (io.databaseFile) return { kind: "sqlite", file: io.databaseFile };
  const config = loadConfig();
  return config.postgres ? { kind: "postgres", ...config.postgres } : { kind: "sqlite", file: config.databaseFile };
}
