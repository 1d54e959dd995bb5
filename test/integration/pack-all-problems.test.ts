import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { miniPack } from "../helpers/packs.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// Session 23 (product13), an outside tester: a pack with several problems got the schema's first, and its failing
// reference solution only after those were fixed. One validation now lists every problem, each with a stable code
// and the path it is at: the CLI, the editor's dry run and the upload alike.
const FIXTURE = "test/fixtures/pack-problems/several-problems.yaml";
const SEVERAL = readFileSync(new URL("../fixtures/pack-problems/several-problems.yaml", import.meta.url), "utf8");
const EXPECTED = [
  { code: "schema", path: "description" },
  { code: "schema", path: "questions[0].level" },
  { code: "reference-solution-fails", path: "questions[1].coding.referenceSolution.python" },
];
const codesAndPaths = (issues: { code?: string; path: string }[]) =>
  issues.map(({ code, path }) => ({ code, path })).sort((a, b) => a.path.localeCompare(b.path));

let server: TestServer;
let acme: string;
beforeAll(async () => {
  server = await startTestServer({ packs: [miniPack()] });
  acme = (await server.app.teams.create("Acme")).token;
});
afterAll(() => server.close());

const api = (path: string, body: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body, headers: { authorization: `Bearer ${acme}`, "content-type": "application/yaml" } });

describe("one validation lists every problem of a pack", () => {
  it("cli validate: the schema's problems and the failing reference solution, with codes and paths", async () => {
    const r = await cli(["validate", FIXTURE]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    for (const { code, path } of EXPECTED)
      expect(
        lines.some((l) => l.includes(` ${path}: `) && l.endsWith(`[${code}]`)),
        `${path} [${code}]`,
      ).toBe(true);
    expect(r.stderr).toContain('the python reference solution fails 1 of its 2 tests: "negative"');
    expect(r.stderr).toMatch(/\n3 problems found\.\n$/);
  });

  it("cli validate --no-run lists the schema's problems and runs nothing", async () => {
    const r = await cli(["validate", FIXTURE, "--no-run"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("reference-solution-fails");
    expect(r.stderr).toMatch(/\n2 problems found\.\n$/);
  });

  it("the editor's dry run (POST .../packs/validate) lists all three", async () => {
    const res = await api("/api/teams/acme/packs/validate", SEVERAL);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { valid: boolean; issues: { code?: string; path: string; line?: number }[] };
    expect(body.valid).toBe(false);
    expect(codesAndPaths(body.issues)).toEqual(EXPECTED);
    // Located where the author wrote it, in the whole pack (the second question, not the first readable one).
    expect(body.issues.find((i) => i.code === "reference-solution-fails")).toMatchObject({ line: 44, column: 17 });
  });

  it("the upload (POST .../packs) refuses it with all three, and stores nothing", async () => {
    const res = await api("/api/teams/acme/packs", SEVERAL);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { code?: string; path: string }[] };
    expect(codesAndPaths(body.issues)).toEqual(EXPECTED);
    const listed = await fetch(`${server.url}/api/teams/acme/packs`, { headers: { authorization: `Bearer ${acme}` } });
    expect(await listed.json()).toEqual([]);
  });
});
