// The application page's forms (app/admin/professionals/[id]/page.tsx):
// approve, reject with a reason, ask for more. Each posts to
// /admin/actions/professional.<verb> and calls decideApplication
// (lib/professional/applications.ts), which checks the capability, the
// message and that the application is still waiting, all again. Every form
// carries the application's id; the page to go back to is built from it
// only when it is a well-formed id.
import { z } from "zod";
import { FIELD_LIMITS, decideApplication, revokeLicence } from "@/lib/professional/applications";
import { id, isId, text } from "@/lib/validation";
import { defineAction, type AdminAction } from "./actions";

export const applicationPage = (applicationId: string | undefined) => (isId(applicationId) ? `/admin/professionals/${applicationId}` : "/admin/professionals");

const applicationId = id("We could not find that application. The queue below is up to date.");
const back = (f: Record<string, string>) => applicationPage(f.applicationId);
/** When the application on the page was sent: a decision applies to that sending only. */
const seen = z.string().max(40, "Reload the page and try again.");

/** A message the applicant reads: required, trimmed, one limit for both forms. */
const applicantText = (empty: string) =>
  text({ max: FIELD_LIMITS.message, tooLong: `Keep it under ${FIELD_LIMITS.message} characters.`, multiline: true })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, empty));

export const professionalActions: AdminAction[] = [
  defineAction({
    name: "professional.approve",
    capability: "professionals.review",
    input: z.object({
      applicationId,
      seen,
      expiresOn: z
        .string()
        .max(20, "Enter the expiry as a date, e.g. 2027-06-30.")
        .transform((v) => v.trim())
        .pipe(z.string().min(1, "Enter the date the licence expires, as on the document.")),
    }),
    back,
    async run({ db, actor }, input) {
      const done = await decideApplication(db, actor, input.applicationId, { kind: "approve", expiresOn: input.expiresOn, seen: input.seen });
      return {
        redirect: applicationPage(input.applicationId),
        notice: `Approved: ${done.email} can order professional-only items until ${input.expiresOn}. We emailed them.`,
      };
    },
  }),
  defineAction({
    name: "professional.reject",
    capability: "professionals.review",
    input: z.object({ applicationId, seen, reason: applicantText("Say why, so the applicant knows.") }),
    back,
    async run({ db, actor }, input) {
      const done = await decideApplication(db, actor, input.applicationId, { kind: "reject", reason: input.reason, seen: input.seen });
      return { redirect: applicationPage(input.applicationId), notice: `Not approved. We emailed ${done.email} the reason.` };
    },
  }),
  defineAction({
    name: "professional.more-info",
    capability: "professionals.review",
    input: z.object({ applicationId, seen, message: applicantText("Say what you need from the applicant.") }),
    back,
    async run({ db, actor }, input) {
      const done = await decideApplication(db, actor, input.applicationId, { kind: "more-info", message: input.message, seen: input.seen });
      return {
        redirect: applicationPage(input.applicationId),
        notice: `We asked ${done.email} for more. The application comes back to the queue when they send it again.`,
      };
    },
  }),
  defineAction({
    name: "professional.revoke",
    capability: "professionals.review",
    input: z.object({ applicationId, licenceId: id("We could not find that licence."), reason: applicantText("Say why, so the professional knows.") }),
    back,
    async run({ db, actor }, input) {
      const done = await revokeLicence(db, actor, input.licenceId, input.reason);
      return {
        redirect: applicationPage(input.applicationId),
        notice: `Licence withdrawn. ${done.email} can no longer order professional-only items; we emailed them why.`,
      };
    },
  }),
];
