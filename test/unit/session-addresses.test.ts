import { describe, expect, it } from "vitest";
import { createSessionAddresses } from "../../server/interview/index.js";

// Grading takes turns between the addresses sessions are held from; this is where the address of each is kept.
describe("the addresses sessions are held from", () => {
  it("keeps the latest holder's address, an IPv6 /64 as one address, as the rate limits count it", () => {
    const addresses = createSessionAddresses();
    addresses.record("s1", "10.0.0.1");
    addresses.record("s2", "2001:db8:1:2::1");
    addresses.record("s3", "2001:db8:1:2:aaaa::2");
    expect(addresses.addressOf("s2")).toBe(addresses.addressOf("s3"));
    addresses.record("s1", "10.0.0.9");
    expect(addresses.addressOf("s1")).toBe("10.0.0.9");
    expect(addresses.addressOf("unknown")).toBeUndefined();
  });

  it("is bounded: past its size the session recorded longest ago is forgotten (it then takes turns on its own)", () => {
    const addresses = createSessionAddresses(2);
    addresses.record("s1", "10.0.0.1");
    addresses.record("s2", "10.0.0.2");
    // s1 resumed: now the most recent.
    addresses.record("s1", "10.0.0.1");
    addresses.record("s3", "10.0.0.3");
    expect(addresses.addressOf("s2")).toBeUndefined();
    expect(addresses.addressOf("s1")).toBe("10.0.0.1");
    expect(addresses.addressOf("s3")).toBe("10.0.0.3");
  });
});
