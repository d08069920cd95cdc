// The staff page's forms (/admin/staff): invite, change a role, remove.
// All owner-only ("staff.manage"); lib/admin/staff-admin.ts checks again.
import { z } from "zod";
import { email, id } from "@/lib/validation";
import { defineAction, type AdminAction } from "./actions";
import { inviteStaff, removeStaff, roleNames, setStaffRole } from "./staff-admin";

const role = z.enum(["OWNER", "STAFF"], { error: "Choose Owner or Staff." });
const staffId = id("We could not find that staff member. The list below is up to date.");
const back = () => "/admin/staff";

export const staffActions: AdminAction[] = [
  defineAction({
    name: "staff.invite",
    capability: "staff.manage",
    input: z.object({ email: email(), role }),
    back,
    async run({ db, actor }, input) {
      const done = await inviteStaff(db, actor, input);
      return {
        redirect: "/admin/staff",
        notice: `${done.reinvited ? "Invited again" : "Invited"}: ${done.email} (${roleNames[input.role]}). We emailed them a link to sign in.`,
      };
    },
  }),
  defineAction({
    name: "staff.role",
    capability: "staff.manage",
    input: z.object({ staffId, role }),
    back,
    async run({ db, actor }, input) {
      const done = await setStaffRole(db, actor, input);
      return {
        redirect: "/admin/staff",
        notice: done.changed ? `${done.email} is now ${roleNames[done.role]}.` : `${done.email} already was ${roleNames[done.role]}; nothing changed.`,
      };
    },
  }),
  defineAction({
    name: "staff.remove",
    capability: "staff.manage",
    input: z.object({ staffId, confirm: z.literal("yes", { error: "Tick the box to confirm the removal." }) }),
    back,
    async run({ db, actor }, input) {
      const done = await removeStaff(db, actor, input);
      return { redirect: "/admin/staff", notice: `Removed ${done.email}: they no longer have access and were signed out.` };
    },
  }),
];
