import { describe, expect, it } from "vitest";
import { aRole, canGrant, describeRoles, routes, TOKEN_ROLES } from "../../server/contracts/index.js";
import { allows, needs } from "../../client/src/team/role.js";

describe("team roles", () => {
  it("a token grants only its own role or one that can do less", () => {
    expect(TOKEN_ROLES.filter((r) => canGrant("owner", r))).toEqual(["owner", "editor", "reviewer", "viewer"]);
    expect(TOKEN_ROLES.filter((r) => canGrant("editor", r))).toEqual(["editor", "viewer"]);
    expect(TOKEN_ROLES.filter((r) => canGrant("reviewer", r))).toEqual(["reviewer", "viewer"]);
    expect(TOKEN_ROLES.filter((r) => canGrant("viewer", r))).toEqual(["viewer"]);
  });

  it('a role is named with its article ("an editor", not "a editor")', () => {
    expect(TOKEN_ROLES.map(aRole)).toEqual(["an owner", "an editor", "a reviewer", "a viewer"]);
  });

  it("refusals name the roles a route needs", () => {
    expect(describeRoles(["owner"])).toBe("the owner role");
    expect(describeRoles(["owner", "editor"])).toBe("the owner or editor role");
    expect(needs(routes.overrideScore)).toBe("needs the owner or reviewer role");
  });

  it("the client reads what a role may do from the route table the server enforces", () => {
    expect(allows("reviewer", routes.overrideScore)).toBe(true);
    expect(allows("editor", routes.overrideScore)).toBe(false);
    expect(allows("editor", routes.publishPack)).toBe(true);
    expect(allows("viewer", routes.teamSessions)).toBe(true);
    expect(allows("viewer", routes.tokens)).toBe(false);
    // A route without roles (not a team route) is not the role's to refuse.
    expect(allows("viewer", routes.health)).toBe(true);
  });
});
