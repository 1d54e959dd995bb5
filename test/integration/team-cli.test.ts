import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_ROLES } from "../../server/contracts/index.js";
import { cli as runCli } from "../helpers/cli.js";
import { postgresFor } from "../helpers/database.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, tempDatabaseFile, type TestServer } from "../helpers/server.js";

/** The `team` CLI in-process (what `npm run cli` runs), on the DATA_DIR whose database a server then reads. */
async function cli(databaseFile: string, ...args: string[]) {
  // On PostgreSQL (DATABASE_URL), the same schema the test server gets for this path.
  const pg = postgresFor(databaseFile);
  const env = { DATA_DIR: dirname(databaseFile), ...(pg ? { DATABASE_URL: pg.url, DATABASE_SCHEMA: pg.schema! } : {}) };
  const { code, stdout, stderr } = await runCli(["team", ...args], env);
  return { code, out: stdout, err: stderr };
}
const tokenIn = (text: string) => text.match(/mit_[\w-]{20,}/)![0];

describe("team token CLI", () => {
  const databaseFile = tempDatabaseFile();
  let server: TestServer;
  let owner: string;
  let reviewer: { id: string; token: string };
  beforeAll(async () => {
    owner = tokenIn((await cli(databaseFile, "create", "Acme Hiring")).out);
    const created = await cli(databaseFile, "token", "create", "acme-hiring", "Rita", "--role", "reviewer");
    expect(created.code).toBe(0);
    expect(created.out).toContain("created reviewer token");
    reviewer = { id: created.out.match(/token (tok_\w+)/)![1]!, token: tokenIn(created.out) };
    server = await startTestServer({ packs: [miniPack()], databaseFile });
  });
  afterAll(() => server.close());
  const me = (token: string) => fetch(`${server.url}/api/teams/acme-hiring/sessions`, { headers: { authorization: `Bearer ${token}` } });
  const tokensApi = (token: string) =>
    fetch(`${server.url}/api/teams/acme-hiring/tokens`, { headers: { authorization: `Bearer ${token}` } });

  it("creates named tokens, lists them with last use, rotates and revokes", async () => {
    expect((await me(reviewer.token)).status).toBe(200);
    // A reviewer token does not manage tokens; the owner token the team was created with does.
    expect((await tokensApi(reviewer.token)).status).toBe(403);
    expect((await tokensApi(owner)).status).toBe(200);
    expect((await cli(databaseFile, "token", "create", "acme-hiring", "Rita", "--role", "viewer")).err).toContain(
      'already labelled "Rita"',
    );
    // The role is chosen, never defaulted; an unknown one is named.
    const noRole = await cli(databaseFile, "token", "create", "acme-hiring", "Sue");
    expect([noRole.code, noRole.err]).toEqual([2, expect.stringContaining("needs --role")]);
    expect((await cli(databaseFile, "token", "create", "acme-hiring", "Sue", "--role", "admin")).err).toContain("role must be one of");
    const list = await cli(databaseFile, "token", "list", "acme-hiring");
    const ritaLine = list.out.split("\n").find((l) => l.startsWith(reviewer.id))!;
    expect(ritaLine.split("\t")).toEqual([
      reviewer.id,
      "Rita",
      "reviewer",
      expect.stringMatching(/^\d{4}-/),
      expect.stringMatching(/^\d{4}-/),
      "-",
    ]);

    const rotated = await cli(databaseFile, "token", "rotate", "acme-hiring", reviewer.id);
    expect(rotated.out).toContain("reviewer token");
    expect(rotated.out).toContain('"Rita"');
    expect((await me(reviewer.token)).status).toBe(401);
    const fresh = tokenIn(rotated.out);
    expect((await me(fresh)).status).toBe(200);

    const newId = rotated.out.match(/token (tok_\w+)/)![1]!;
    expect((await cli(databaseFile, "token", "revoke", "acme-hiring", newId)).code).toBe(0);
    expect((await me(fresh)).status).toBe(401);
    expect((await me(owner)).status).toBe(200);
    const again = await cli(databaseFile, "token", "revoke", "acme-hiring", newId);
    expect(again.code).toBe(1);
    expect(again.err).toContain("already revoked");
    expect((await cli(databaseFile, "token", "list", "nope")).err).toContain('no team "nope"');
  });

  it("speaks the API's role names, and labels the first token as the API would accept a label", async () => {
    const created = await cli(databaseFile, "create", "Role Words");
    const [, label, role] = created.out.match(/labelled "([^"]+)", role (\S+);/)!;
    expect(TOKEN_ROLES).toContain(role);
    // The help lists exactly the roles the API takes, in one `--role a|b|c` and one line of what each may do.
    const help = (await cli(databaseFile, "--help")).out;
    expect(help.match(/--role (\S+)/)![1]!.split("|")).toEqual([...TOKEN_ROLES]);
    const rolesLine = help.split("\n").find((l) => l.startsWith("roles: "))!;
    expect([...rolesLine.matchAll(/(\w+) \(/g)].map((m) => m[1])).toEqual([...TOKEN_ROLES]);
    // The printed label is one the API takes: once the first token is gone, another owner issues a token labelled so.
    const second = await cli(databaseFile, "token", "create", "role-words", "Olga", "--role", "owner");
    const firstId = (await cli(databaseFile, "token", "list", "role-words")).out.split("\n").find((l) => l.split("\t")[1] === label)!;
    expect((await cli(databaseFile, "token", "revoke", "role-words", firstId.split("\t")[0]!)).code).toBe(0);
    const reissued = await fetch(`${server.url}/api/teams/role-words/tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokenIn(second.out)}`, "content-type": "application/json" },
      body: JSON.stringify({ label, role: "viewer" }),
    });
    expect(reissued.status).toBe(201);
  });

  it("a name with no ASCII letters says so and how to give an id; --id is used and validated", async () => {
    const plain = await cli(databaseFile, "create", "\u0410\u0441\u043C\u0435");
    expect(plain.code).not.toBe(0);
    expect(plain.err).toContain("has letters, but none in ASCII to make a team id from");
    expect(plain.err).toContain("give one with --id");
    const bad = await cli(databaseFile, "create", "\u0410\u0441\u043C\u0435", "--id", "Acme RU");
    expect(bad.err).toContain('team id "Acme RU" must be lower-case ASCII letters and digits');
    expect((await cli(databaseFile, "create", "\u0410\u0441\u043C\u0435", "--id")).code).toBe(2);
    const made = await cli(databaseFile, "create", "\u0410\u0441\u043C\u0435", "--id", "acme-ru");
    expect([made.code, made.out]).toEqual([0, expect.stringContaining('created team "acme-ru" (\u0410\u0441\u043C\u0435)')]);
    expect((await cli(databaseFile, "list")).out).toContain("acme-ru\t\u0410\u0441\u043C\u0435");
  });
});
