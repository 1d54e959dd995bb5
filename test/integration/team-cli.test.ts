import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamCommand } from "../../server/cli/team.js";
import { postgresFor } from "../helpers/database.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, tempDatabaseFile, type TestServer } from "../helpers/server.js";

/** The `team` CLI in-process (same function `npm run cli` calls), against the database a server then reads. */
async function cli(databaseFile: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // On PostgreSQL (DATABASE_URL), the same schema the test server gets for this path.
  const code = await teamCommand(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    databaseFile,
    postgres: postgresFor(databaseFile),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
const tokenIn = (text: string) => text.match(/mit_[\w-]{20,}/)![0];

describe("team token CLI", () => {
  const databaseFile = tempDatabaseFile();
  let server: TestServer;
  let owner: string;
  let reviewer: { id: string; token: string };
  beforeAll(async () => {
    owner = tokenIn((await cli(databaseFile, "create", "Acme Hiring")).out);
    const created = await cli(databaseFile, "token", "create", "acme-hiring", "Rita");
    expect(created.code).toBe(0);
    reviewer = { id: created.out.match(/token (tok_\w+)/)![1]!, token: tokenIn(created.out) };
    server = await startTestServer({ packs: [miniPack()], databaseFile });
  });
  afterAll(() => server.close());
  const me = (token: string) => fetch(`${server.url}/api/teams/acme-hiring/tokens`, { headers: { authorization: `Bearer ${token}` } });

  it("creates named tokens, lists them with last use, rotates and revokes", async () => {
    expect((await me(reviewer.token)).status).toBe(200);
    expect((await cli(databaseFile, "token", "create", "acme-hiring", "Rita")).err).toContain('already labelled "Rita"');
    const list = await cli(databaseFile, "token", "list", "acme-hiring");
    const ritaLine = list.out.split("\n").find((l) => l.startsWith(reviewer.id))!;
    expect(ritaLine.split("\t")).toEqual([reviewer.id, "Rita", expect.stringMatching(/^\d{4}-/), expect.stringMatching(/^\d{4}-/), "-"]);

    const rotated = await cli(databaseFile, "token", "rotate", "acme-hiring", reviewer.id);
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
});
