import { describe, expect, it } from "vitest";
import { createFairQueue } from "../../server/sandbox/scheduling/index.js";
import { perAddressSlots } from "../../server/sandbox/scheduling/shares.js";

/** Flush pending promise callbacks (grants resolve through promises). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("sharing the sandbox pool between client addresses", () => {
  it("twenty looping sessions from one address hold only that address's share; another address's run starts at once", async () => {
    const queue = createFairQueue({ slots: 6, perOwner: 2, perGroup: perAddressSlots(6, 2) });
    const started: string[] = [];
    for (let n = 1; n <= 20; n++) void queue.acquire({ owner: `s${n}`, group: "address:A" }).then(() => started.push(`s${n}`));
    await settle();
    expect(started).toEqual(["s1", "s2"]);
    const waits: number[] = [];
    const observer = await queue.acquire({ owner: "obs", group: "address:B" }, ({ ahead }) => waits.push(ahead));
    expect(waits, "a free slot: no waiting").toEqual([]);
    observer();
  });

  it("a freed slot goes round-robin between addresses, then between sessions of one address", async () => {
    const queue = createFairQueue({ slots: 1, perOwner: 1, perGroup: 1 });
    const started: string[] = [];
    const releases: (() => void)[] = [];
    const submit = (owner: string, group: string) =>
      void queue.acquire({ owner, group }).then((release) => {
        started.push(owner);
        releases.push(release);
      });
    for (const s of ["a1", "a2", "a3"]) submit(s, "A");
    submit("b1", "B");
    submit("c1", "C");
    await settle();
    for (let i = 0; i < 4; i++) {
      releases[i]!();
      await settle();
    }
    expect(started).toEqual(["a1", "a2", "b1", "c1", "a3"]);
  });

  it("the waiting position counts candidates' runs only, and a waiting run hears it once", async () => {
    const queue = createFairQueue({ slots: 1, perOwner: 1, backgroundSlots: 1 });
    const held = await queue.acquire({ owner: "x", group: "A" });
    void queue.acquire({ owner: "v", group: "team", background: true });
    const waits: number[] = [];
    void queue.acquire({ owner: "y", group: "B" }, ({ ahead }) => waits.push(ahead));
    expect(waits).toEqual([0]);
    held();
  });

  it("background runs (validation) wait behind candidates and hold at most their own slots", async () => {
    const queue = createFairQueue({ slots: 3, perOwner: 2, backgroundSlots: 1 });
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    const submit = (owner: string, group: string, background = false) =>
      void queue.acquire({ owner, group, background }).then((release) => {
        started.push(owner);
        releases.set(owner, release);
      });
    submit("v1", "team", true);
    submit("v2", "team", true);
    await settle();
    expect(started, "one background slot, however many validations ask").toEqual(["v1"]);
    submit("c1", "A");
    submit("c2", "B");
    await settle();
    expect(started).toEqual(["v1", "c1", "c2"]);
    submit("c3", "C");
    releases.get("v1")!();
    await settle();
    expect(started, "the freed slot goes to the waiting candidate, not the waiting validation").toEqual(["v1", "c1", "c2", "c3"]);
    releases.get("c1")!();
    await settle();
    expect(started.at(-1)).toBe("v2");
  });
});
