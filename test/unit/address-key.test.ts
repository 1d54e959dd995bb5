import { describe, expect, it } from "vitest";
import { addressKey } from "../../server/limits/index.js";

describe("the key an address's limits count under", () => {
  it("IPv4 as is, also written IPv4-mapped as a dual-stack socket reports it", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("IPv6 by its /64, however it is written", () => {
    const key = "2001:db8:1:2::/64";
    for (const a of [
      "2001:db8:1:2::1",
      "2001:0DB8:0001:0002:ffff:1:2:3",
      "2001:db8:1:2:0:0:0:0",
      "2001:db8:1:2::a%eth0",
      "2001:db8:1:2::1.2.3.4",
    ])
      expect(addressKey(a), a).toBe(key);
    expect(addressKey("2001:db8:1:3::1")).not.toBe(key);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });

  it("anything else as given, capped", () => {
    expect(addressKey("unknown")).toBe("unknown");
    expect(addressKey("x".repeat(300))).toHaveLength(100);
  });
});
