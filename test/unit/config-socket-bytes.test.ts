import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { INCOMING_BYTES_PER_ADDRESS } from "../../server/contracts/index.js";

describe("SOCKET_MB_PER_ADDRESS_10S", () => {
  it("defaults to the per-address byte budget, reads megabytes, and names a value it refuses", () => {
    expect(loadConfig({ DATA_DIR: "/tmp/x" }).socketBytesPerAddress).toBe(INCOMING_BYTES_PER_ADDRESS);
    // Behind a proxy without TRUST_PROXY every client shares one address: a deployment raises it.
    expect(loadConfig({ DATA_DIR: "/tmp/x", SOCKET_MB_PER_ADDRESS_10S: "200" }).socketBytesPerAddress).toBe(200_000_000);
    expect(() => loadConfig({ DATA_DIR: "/tmp/x", SOCKET_MB_PER_ADDRESS_10S: "0" })).toThrow(/SOCKET_MB_PER_ADDRESS_10S/);
  });
});
