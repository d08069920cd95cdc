// Who may do what in the back office: every capability for each role, the
// guard that every lib/admin write calls first, and the hand-written list of
// owner-only actions the refusal probes use, checked against the registry.
import { describe, expect, it } from "vitest";
import { allActions } from "@/lib/admin/registry";
import { AdminRefused, authorize, can, capabilities, type Actor, type Capability } from "@/lib/admin/roles";
import { OWNER_ONLY_ACTIONS } from "../support/admin-owner-only";

// The words: owner = everything; staff = orders, fulfilment, stock,
// (products,) guide drafts; no refunds, no publishing, no staff changes, no audit log.
const expected: Record<Capability, { OWNER: boolean; STAFF: boolean }> = {
  "orders.read": { OWNER: true, STAFF: true },
  "orders.write": { OWNER: true, STAFF: true },
  refunds: { OWNER: true, STAFF: false },
  "stock.read": { OWNER: true, STAFF: true },
  "stock.write": { OWNER: true, STAFF: true },
  "products.write": { OWNER: true, STAFF: true },
  "guides.draft": { OWNER: true, STAFF: true },
  "guides.publish": { OWNER: true, STAFF: false },
  "guides.notify": { OWNER: true, STAFF: false },
  "staff.manage": { OWNER: true, STAFF: false },
  "audit.read": { OWNER: true, STAFF: false },
  // Issue 14: staff review professional applications.
  "professionals.review": { OWNER: true, STAFF: true },
};

const owner: Actor = { kind: "staff", email: "owner@example.test", role: "OWNER", userId: "u1" };
const staff: Actor = { kind: "staff", email: "staff@example.test", role: "STAFF", userId: "u2" };
const cli: Actor = { kind: "cli", email: "cli", role: "OWNER" };

describe("can(): every capability for each role", () => {
  it("the table names every capability there is, and no other", () => {
    expect(Object.keys(expected).sort()).toEqual([...capabilities].sort());
  });

  for (const capability of capabilities) {
    it(`${capability}: owner ${expected[capability].OWNER ? "may" : "may not"}, staff ${expected[capability].STAFF ? "may" : "may not"}`, () => {
      expect(can("OWNER", capability)).toBe(expected[capability].OWNER);
      expect(can("STAFF", capability)).toBe(expected[capability].STAFF);
    });
  }
});

describe("authorize()", () => {
  it("refuses nobody-signed-in, and staff without the capability, with AdminRefused", () => {
    for (const capability of capabilities) {
      expect(() => authorize(null, capability)).toThrow(AdminRefused);
      expect(() => authorize(undefined, capability)).toThrow(AdminRefused);
      if (expected[capability].STAFF) expect(() => authorize(staff, capability)).not.toThrow();
      else expect(() => authorize(staff, capability)).toThrow(AdminRefused);
      expect(() => authorize(owner, capability)).not.toThrow();
      expect(() => authorize(cli, capability)).not.toThrow();
    }
  });

  it("a refusal says only what a missing page says", () => {
    expect(new AdminRefused().message).toBe("Not found.");
  });
});

describe("the owner-only actions the probes use", () => {
  const registered = allActions();
  const ownerOnlyRegistered = registered.filter((a) => !can("STAFF", a.capability)).map((a) => a.name);
  const listed = [...OWNER_ONLY_ACTIONS];

  it("every owner-only action in the registry is in the probes' list", () => {
    expect(ownerOnlyRegistered.filter((name) => !listed.includes(name as (typeof listed)[number]))).toEqual([]);
  });

  it("every listed action is in the registry and owner-only: the list and the registry agree exactly", () => {
    const names = new Set(registered.map((a) => a.name));
    expect(listed.filter((name) => !names.has(name))).toEqual([]);
    expect([...ownerOnlyRegistered].sort()).toEqual([...listed].sort());
  });

  it("the staff actions are registered and owner-only", () => {
    for (const name of ["staff.invite", "staff.role", "staff.remove"]) expect(ownerOnlyRegistered).toContain(name);
  });
});

describe("the action route's helpers", () => {
  it("adminPath keeps a redirect on the back office and always a valid Location", async () => {
    const { adminPath } = await import("@/lib/admin/actions");
    expect(adminPath("/admin/staff#staff-1")).toBe("/admin/staff#staff-1");
    for (const off of ["https://evil.example/admin", "//evil.example", "/adminx", "/shop", "/admin\\..\\x", "/admin/\u0000", "/admin/a\r\nSet-Cookie: x=1"]) {
      expect(adminPath(off), off).toBe("/admin");
    }
    expect(adminPath("/admin/orders/é 1")).toBe("/admin/orders/%C3%A9%201");
    expect(adminPath("/admin/x\ud800")).toBe("/admin");
    expect(() => new Headers({ Location: adminPath("/admin/orders/日本") })).not.toThrow();
  });

  it("a flash with many long values still fits its cookie, and opens only for its own id and secret", async () => {
    const { openFlash, sealFlash } = await import("@/lib/admin/flash");
    const values = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`field${i}`, `${i}`.repeat(500)]));
    const started = performance.now();
    const sealed = sealFlash(
      { id: "abc", action: "staff.invite", values: { ...values, email: "kept@example.test" }, errors: { email: "Check this." } },
      "secret",
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(sealed.length).toBeLessThanOrEqual(3_600);
    const opened = openFlash(sealed, "secret", "abc");
    expect(opened?.errors).toEqual({ email: "Check this." });
    expect(opened?.values.email).toBe("kept@example.test");
    expect(openFlash(sealed, "secret", "other")).toBeNull();
    expect(openFlash(sealed, "another secret", "abc")).toBeNull();
  });
});
