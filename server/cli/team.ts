import type { Config } from "../config.js";
import { serverUrl } from "../server-url.js";
import { createStore, openDatabase, runningServerUrl, type DatabaseTarget } from "../store/index.js";
import { createTeams, TeamError, type Teams } from "../teams/index.js";
import { CliError, type Cli } from "./context.js";
import { ROLE_DUTIES, TOKEN_ROLES, TokenRoleSchema, type TokenRole } from "../contracts/index.js";

/** The roles as the API names them (server/contracts/roles.ts): the CLI has no words of its own for them. */
const ROLE_CHOICE = TOKEN_ROLES.join("|");
const USAGE = `usage: npm run -s cli -- team create <name> [--id <team-id>]
                                         (the id in URLs; made from the name's ASCII letters unless given)
       npm run -s cli -- team list
       npm run -s cli -- team token list <team-id>
       npm run -s cli -- team token create <team-id> <label> --role ${ROLE_CHOICE}
                                         (one token per reviewer; the label names them in the audit trail)
       npm run -s cli -- team token rotate <team-id> <token-id>
       npm run -s cli -- team token revoke <team-id> <token-id>  (also the last owner: the CLI is the way back in)
roles: ${TOKEN_ROLES.map((role) => `${role} (${ROLE_DUTIES[role]})`).join(", ")}
(uses the server's database: DATABASE_URL if set, else the one in DATA_DIR)`;
const SEE_USAGE = "see npm run -s cli -- team --help";

/** What to do after a TeamError, by command: the message says what is wrong, this what to do. */
function teamErrorHint(err: TeamError, args: string[]): string {
  const [sub, tokenSub, teamId = "<team-id>"] = args;
  const teamList = "npm run -s cli -- team list";
  const tokenList = `npm run -s cli -- team token list ${teamId}`;
  if (sub === "create") return `pick another name, or see the teams: ${teamList}`;
  if (sub !== "token" || tokenSub === "list") return `see the teams: ${teamList}`;
  return err.code === "NOT_FOUND" ? `see the teams (${teamList}) and their tokens (${tokenList})` : `see the tokens: ${tokenList}`;
}
const when = (ms: number | null) => (ms === null ? "-" : new Date(ms).toISOString());

async function tokenCommand(teams: Teams, args: string[], io: Cli): Promise<number> {
  const [sub, teamId, ...rest] = args;
  if (!sub || !teamId) throw new CliError(`team token needs a subcommand and a team id; ${SEE_USAGE}`, 2);
  if (sub === "list") {
    io.out("id\tlabel\trole\tcreated\tlast used\trevoked");
    for (const t of await teams.tokens(teamId))
      io.out(`${t.id}\t${t.label}\t${t.role}\t${when(t.created_at)}\t${when(t.last_used_at)}\t${when(t.revoked_at)}`);
    return 0;
  }
  if (sub === "create" || sub === "rotate") {
    const { words, role } = sub === "create" ? roleOption(rest) : { words: rest, role: null };
    const arg = words.join(" ").trim();
    if (!arg) throw new CliError(`team token ${sub} needs a ${sub === "create" ? "label" : "token id"}; ${SEE_USAGE}`, 2);
    const { token, row } = role ? await teams.createToken(teamId, arg, role) : await teams.rotateToken(teamId, arg);
    io.out(`${sub === "create" ? "created" : "rotated"} ${row.role} token ${row.id} "${row.label}" for "${teamId}"`);
    io.out(`API token (shown once, store it now): ${token}`);
    return 0;
  }
  if (sub === "revoke") {
    const row = await teams.revokeToken(teamId, rest[0] ?? "", { force: true });
    io.out(`revoked token ${row.id} "${row.label}"; requests with it now get 401`);
    return 0;
  }
  // Older form: `team token <team-id> [label]`, kept for scripts; tokens then could do everything, so it issues an owner.
  const { token } = await teams.createToken(sub, [teamId, ...rest].join(" ").trim() || "issued from the CLI", "owner");
  io.out(`API token for "${sub}" (shown once, store it now): ${token}`);
  return 0;
}

/** `--role <role>` anywhere after the team id (required: whoever mints a token chooses what it may do). */
function roleOption(words: string[]): { words: string[]; role: TokenRole } {
  const at = words.indexOf("--role");
  if (at < 0) throw new CliError(`team token create needs --role ${ROLE_CHOICE}; ${SEE_USAGE}`, 2);
  const role = TokenRoleSchema.safeParse(words[at + 1]);
  if (!role.success) throw new CliError(`${role.error.issues[0]!.message} (got "${words[at + 1] ?? ""}"); ${SEE_USAGE}`, 2);
  return { words: words.filter((_, i) => i !== at && i !== at + 1), role: role.data };
}

/** `--id <team-id>` anywhere after `team create`: the id to use when the name has no ASCII letters to make one. */
function idOption(words: string[]): { words: string[]; id?: string } {
  const at = words.indexOf("--id");
  if (at < 0) return { words };
  const id = words[at + 1];
  if (!id) throw new CliError(`--id needs a team id (a-z, 0-9 and "-"); ${SEE_USAGE}`, 2);
  return { words: words.filter((_, i) => i !== at && i !== at + 1), id };
}

/** `team create|list|token ...`: manage hiring teams and their named API tokens. */
export async function teamCommand(args: string[], io: Cli): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "--help") {
    io.out(USAGE);
    return 0;
  }
  if (!sub || !["create", "token", "list"].includes(sub)) throw new CliError(`team takes create, list or token; ${SEE_USAGE}`, 2);
  const config = io.config();
  const database = await openDatabase(targetOf(config));
  try {
    const teams = createTeams(createStore(database.db), Date.now);
    if (sub === "list") {
      if (rest.length) throw new CliError(`team list takes nothing more (got "${rest.join(" ")}"); ${SEE_USAGE}`, 2);
      for (const t of await teams.list()) io.out(`${t.id}\t${t.name}`);
      return 0;
    }
    if (sub === "token") return await tokenCommand(teams, rest, io);
    const { words, id } = idOption(rest);
    const name = words.join(" ").trim();
    if (!name) throw new CliError(`team create needs the team's name; ${SEE_USAGE}`, 2);
    const { team, token, row } = await teams.create(name, id);
    io.out(`created team "${team.id}" (${team.name})`);
    io.out(`API token (shown once, store it now): ${token}`);
    io.out(
      `(labelled "${row.label}", role ${row.role}; give each reviewer their own: team token create ${team.id} <name> --role reviewer)`,
    );
    // The server running on this DATA_DIR says where it listens; otherwise it would listen on HOST:PORT from this env.
    const base =
      runningServerUrl(config.dataDir) ?? (config.port === 0 ? "<the URL npm start printed>" : serverUrl(config.host, config.port));
    io.out(`upload a pack: curl -X POST -H "Authorization: Bearer ${token}" --data-binary @pack.yaml ${base}/api/teams/${team.id}/packs`);
    return 0;
  } catch (err) {
    if (err instanceof TeamError) throw new CliError(`${err.message}; ${teamErrorHint(err, args)}`);
    throw err;
  } finally {
    await database.close();
  }
}

/** The database the server with this configuration uses. */
function targetOf(config: Config): DatabaseTarget {
  return config.postgres ? { kind: "postgres", ...config.postgres } : { kind: "sqlite", file: config.databaseFile };
}
