import { describe, expect, it } from "vitest";
import { detectCapabilities } from "../../server/sandbox/capabilities.js";
import { DEFAULT_PATHS } from "../../server/sandbox/python/command.js";

describe("start-up capability check", () => {
  it("refuses Python with an install hint when bubblewrap is missing, never running unconfined", () => {
    const caps = detectCapabilities({ ...DEFAULT_PATHS, bwrap: "/nonexistent/bwrap" });
    expect(caps.python).toEqual({ available: false, reason: expect.stringContaining("bubblewrap (apt-get install bubblewrap)") });
    expect(caps.typescript.available).toBe(true);
  });

  it("names python3 too when it is missing", () => {
    const caps = detectCapabilities({ ...DEFAULT_PATHS, python: "/nonexistent/python3", bwrap: "/nonexistent/bwrap" });
    expect(caps.python.available).toBe(false);
    expect(!caps.python.available && caps.python.reason).toMatch(/python3 \(apt-get install python3\) and bubblewrap/);
  });

  it("reports when bubblewrap is present but cannot build its sandbox", () => {
    // /bin/false stands in for a bwrap that fails (as with user namespaces disabled).
    const caps = detectCapabilities({ ...DEFAULT_PATHS, bwrap: "/bin/false" });
    expect(!caps.python.available && caps.python.reason).toMatch(/bubblewrap cannot create its sandbox here/);
  });
});
