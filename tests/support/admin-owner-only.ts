// The back-office actions only an owner may run, written out by hand for the
// refusal probes (tests/e2e/admin-probes.spec.ts), which run in Playwright's
// process and probe the running store by name. tests/unit/admin-roles.test.ts
// checks this list against lib/admin/registry.ts and roles.ts, so it cannot
// fall behind when an owner-only action is added.
export const OWNER_ONLY_ACTIONS = ["refund.create", "guide.publish", "guide.notify", "staff.invite", "staff.role", "staff.remove"] as const;
