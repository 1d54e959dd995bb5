import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify as stringifyAliased } from "yaml";
import { MAX_PACK_UPLOAD_BYTES } from "../../server/contracts/index.js";
import { FIXTURE_PACKS_DIR } from "./packs.js";

// Every copy shares the template's objects: written out in full, not as YAML aliases (a pack may expand only a few).
const stringify = (value: unknown) => stringifyAliased(value, { aliasDuplicateObjects: false });

/** Questions in the big pack: most of the 500 a pack may hold, each padded with probes to reach the size. */
const COPIES = 450;

type MiniPack = {
  rounds: { id: string }[];
  questions: { id: string; kind: string; prompt: string; rubric: { probes: string[] }[] }[];
};

/**
 * A valid single-file pack of about `bytes` bytes (default: just under the upload limit): the fixture pack "mini"
 * without its coding round (no reference solutions to run), its system-design question copied under new ids, each
 * copy's first criterion carrying extra probes. What an outside tester uploaded to hold the server's event loop for seconds
 * (finding F2): a pack of nothing but valid, ordinary content.
 */
export function bigPackYaml(bytes = MAX_PACK_UPLOAD_BYTES - 20_000, id = "big"): string {
  const mini = parse(readFileSync(join(FIXTURE_PACKS_DIR, "mini", "pack.yaml"), "utf8")) as MiniPack;
  const template = mini.questions.find((q) => q.id === "rag-basics")!;
  const kept = mini.questions.filter((q) => q.kind !== "coding");
  const head = { ...mini, id, title: `Big pack ${id}`, rounds: mini.rounds.filter((r) => r.id !== "code"), questions: kept };
  const copy = (n: number, extra: number) => {
    const tag = String(n).padStart(6, "0");
    const [first, ...rest] = template.rubric;
    const probes = Array.from({ length: extra }, (_, k) => `${first!.probes[0]} (probe ${tag}-${k})`);
    const rubric = [{ ...first, probes: [...first!.probes, ...probes] }, ...rest];
    return { ...template, id: `copy-${tag}`, prompt: `${template.prompt} (copy ${tag})`, rubric };
  };
  const perCopy = (bytes - stringify(head).length) / COPIES;
  const bare = stringify({ q: [copy(0, 0)] }).length;
  const perProbe = stringify({ q: [copy(0, 1)] }).length - bare;
  const extra = Math.max(0, Math.min(199, Math.floor((perCopy - bare) / perProbe)));
  return stringify({ ...head, questions: [...kept, ...Array.from({ length: COPIES }, (_, n) => copy(n, extra))] });
}
