// Professional applications: a signed-in customer saves the details of their
// licence or certificate and a copy of it, sends it, and staff approve it
// (which makes a ProfessionalLicence valid to the licence's own expiry),
// reject it with a reason, or ask for more. Every step is an event on the
// application (the applicant's history), every staff decision is in the
// audit log, and every decision mails the applicant (a job, committed with
// the decision). Who may then buy what is lib/professional/eligibility.ts's.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProfessionalApplicationStatus } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/admin/roles";
import { recordAudit } from "@/lib/admin/audit";
import { ActionError } from "@/lib/admin/actions";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { nextDay, startOfStoreDay, storeTimeZone } from "@/lib/time-zone";
import { isId } from "@/lib/validation";
import { checkDocument } from "./document";
import { dropProfessionalItems } from "./eligibility";
import { documentStore, newStorageKey } from "./storage";

export const FIELD_LIMITS = { profession: 100, licenceNumber: 50, issuingBody: 150, region: 100, message: 2000 } as const;

/** The fields an applicant fills in, as typed (strings); the expiry as YYYY-MM-DD. */
export type ApplicationFields = { profession: string; licenceNumber: string; issuingBody: string; region: string; expiresOn: string };
export type ApplicationErrors = Partial<Record<keyof ApplicationFields | "document" | "form", string>>;

/** An application the applicant may still change. */
export const EDITABLE: readonly ProfessionalApplicationStatus[] = ["DRAFT", "NEEDS_INFO"];
const OPEN: readonly ProfessionalApplicationStatus[] = ["DRAFT", "SUBMITTED", "NEEDS_INFO"];

/** A licence that runs out more than this far ahead is a typing mistake, not a licence. */
const MAX_YEARS_AHEAD = 20;

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** The store's calendar day at `now`, as YYYY-MM-DD. */
export function storeDay(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: storeTimeZone(), year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The earliest expiry the store accepts (a licence must still be valid tomorrow): the date field's minimum. */
export function earliestExpiry(now = new Date()): string {
  return storeDay(new Date(now.getTime() + 86_400_000));
}

/** The first instant a licence that expires on `day` is no longer valid: the start of the next store day. */
export function validUntilOf(day: string): Date {
  const at = startOfStoreDay(nextDay(day));
  if (!at) throw new Error(`not a day: ${day}`);
  return at;
}

/** A date-only column (a licence's expiry) as YYYY-MM-DD; "" for none. */
export const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** A message staff write for the applicant (a reason, a request): trimmed, required, within the limit, plain text. */
function staffText(raw: string, field: string, empty: string): string {
  const text = raw.trim();
  if (!text) throw new ActionError(empty, field);
  if (text.length > FIELD_LIMITS.message) throw new ActionError(`Keep it under ${FIELD_LIMITS.message} characters.`, field);
  if (CONTROL.test(text.replace(/[\r\n\t]/g, ""))) throw new ActionError("The text contains characters we cannot keep.", field);
  return text;
}

/**
 * Checks the typed fields. A draft may leave any field empty; sending needs
 * them all. Either way a field that is filled must be right, and nothing is
 * saved while any is not.
 */
export function checkFields(
  raw: Partial<Record<keyof ApplicationFields, unknown>>,
  forSubmit: boolean,
  now = new Date(),
): { fields: ApplicationFields; errors: ApplicationErrors } {
  const errors: ApplicationErrors = {};
  const read = (name: keyof ApplicationFields) => (typeof raw[name] === "string" ? (raw[name] as string).normalize("NFC").trim().replace(/\s+/g, " ") : "");
  const fields: ApplicationFields = {
    profession: read("profession"),
    licenceNumber: read("licenceNumber"),
    issuingBody: read("issuingBody"),
    region: read("region"),
    expiresOn: read("expiresOn"),
  };
  const text = (name: "profession" | "licenceNumber" | "issuingBody" | "region", label: string, min: number) => {
    const v = fields[name];
    if (CONTROL.test(v)) errors[name] = `${label} contains characters we cannot keep. Type it again.`;
    else if (v.length > FIELD_LIMITS[name]) errors[name] = `Keep ${label.toLowerCase()} under ${FIELD_LIMITS[name]} characters.`;
    else if (v === "" && forSubmit) errors[name] = `Enter ${label.toLowerCase()}.`;
    else if (v !== "" && v.length < min) errors[name] = `${label} looks too short.`;
  };
  text("profession", "Your profession", 2);
  text("licenceNumber", "The licence or certificate number", 3);
  text("issuingBody", "The issuing body", 2);
  text("region", "The country and state", 2);
  if (!errors.licenceNumber && fields.licenceNumber && !/^[\p{L}\p{N}][\p{L}\p{N} ./#-]*$/u.test(fields.licenceNumber)) {
    errors.licenceNumber = "Use the number as printed: letters, digits, spaces, dots, slashes and hyphens.";
  }
  if (fields.expiresOn === "") {
    if (forSubmit) errors.expiresOn = "Enter the date the licence expires.";
  } else if (!startOfStoreDay(fields.expiresOn)) {
    errors.expiresOn = "Enter the expiry as a date, e.g. 2027-06-30.";
  } else if (fields.expiresOn <= storeDay(now)) {
    errors.expiresOn = "This licence has expired. Apply with a licence that is still valid.";
  } else if (Number(fields.expiresOn.slice(0, 4)) > new Date(now).getUTCFullYear() + MAX_YEARS_AHEAD) {
    errors.expiresOn = "Check the expiry date: it is more than 20 years away.";
  }
  return { fields, errors };
}

export type UploadedFile = { bytes: Buffer; name: string; type: string };

export type ApplicationView = {
  id: string;
  status: ProfessionalApplicationStatus;
  fields: ApplicationFields;
  staffMessage: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  document: { fileName: string; contentType: string; sizeBytes: number; uploadedAt: Date } | null;
  events: { at: Date; kind: string; message: string }[];
};

function view(a: Prisma.ProfessionalApplicationGetPayload<{ include: { document: true; events: true } }>): ApplicationView {
  return {
    id: a.id,
    status: a.status,
    fields: { profession: a.profession, licenceNumber: a.licenceNumber, issuingBody: a.issuingBody, region: a.region, expiresOn: dayOf(a.expiresOn) },
    staffMessage: a.staffMessage,
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
    document: a.document
      ? { fileName: a.document.fileName, contentType: a.document.contentType, sizeBytes: a.document.sizeBytes, uploadedAt: a.document.uploadedAt }
      : null,
    events: [...a.events].sort((x, y) => x.at.getTime() - y.at.getTime() || Number(x.id - y.id)).map((e) => ({ at: e.at, kind: e.kind, message: e.message })),
  };
}

const withDetail = { document: true, events: true } as const;

/** The applicant's latest application (open or decided), or null if they never applied. */
export async function latestApplication(db: Db, userId: string): Promise<ApplicationView | null> {
  const a = await db.professionalApplication.findFirst({ where: { userId }, orderBy: { createdAt: "desc" }, include: withDetail });
  return a ? view(a) : null;
}

/** The applicant's licences, newest first (for their account page). */
export function licencesOf(db: Db, userId: string) {
  return db.professionalLicence.findMany({
    where: { userId },
    orderBy: { validUntil: "desc" },
    select: { id: true, profession: true, licenceNumber: true, issuingBody: true, region: true, expiresOn: true, validUntil: true, approvedAt: true },
  });
}

export type SaveResult = { ok: true; application: ApplicationView; submitted: boolean } | { ok: false; errors: ApplicationErrors; fields: ApplicationFields };

/**
 * Saves the applicant's open application (making one if they have none), with
 * a new copy of the licence when one is uploaded, and sends it to staff when
 * `submit` is set. Bad input saves nothing: the errors come back with what
 * was typed. The uploaded bytes are written before the row points at them,
 * and a replaced copy is deleted only after the new one is committed.
 */
export async function saveApplication(
  db: Db,
  userId: string,
  input: { fields: Partial<Record<keyof ApplicationFields, unknown>>; file?: UploadedFile | null; submit: boolean },
  now = new Date(),
): Promise<SaveResult> {
  const { fields, errors } = checkFields(input.fields, input.submit, now);
  const existing = await db.professionalApplication.findFirst({ where: { userId, status: { in: [...OPEN] } }, include: { document: true } });
  if (existing && !EDITABLE.includes(existing.status)) {
    return { ok: false, fields, errors: { form: "Your application has been sent and is waiting for our team. You can change it if they ask for more." } };
  }
  let upload: { key: string; contentType: string; fileName: string; sizeBytes: number; sha256: string } | null = null;
  if (input.file && input.file.bytes.byteLength > 0) {
    const checked = await checkDocument(input.file.bytes, input.file);
    if (!checked.ok) errors.document = checked.error;
    else
      upload = {
        key: newStorageKey(),
        contentType: checked.contentType,
        fileName: checked.fileName,
        sizeBytes: input.file.bytes.byteLength,
        sha256: createHash("sha256").update(input.file.bytes).digest("hex"),
      };
  } else if (input.file && input.file.name) {
    errors.document = "The file is empty. Upload a PDF, PNG, JPEG or WebP copy of your licence or certificate.";
  }
  if (input.submit && !upload && !existing?.document && !errors.document) errors.document = "Upload a copy of your licence or certificate.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, fields };

  if (upload) {
    try {
      await documentStore().put(upload.key, input.file!.bytes, upload.contentType);
    } catch (error) {
      console.error("[professional] a licence copy could not be stored:", (error as Error).message);
      return { ok: false, fields, errors: { document: "We could not keep your file just now. Nothing was changed; please try again in a minute." } };
    }
  }
  const data = {
    profession: fields.profession,
    licenceNumber: fields.licenceNumber,
    issuingBody: fields.issuingBody,
    region: fields.region,
    expiresOn: fields.expiresOn ? new Date(`${fields.expiresOn}T00:00:00Z`) : null,
  };
  let replacedKey: string | null = null;
  try {
    const id = await db.$transaction(async (tx) => {
      let app = existing;
      if (!app) {
        app = await tx.professionalApplication.create({ data: { userId, ...data }, include: { document: true } });
      } else {
        // Only while it is still editable: a second tab that sent it first wins, and this one is told.
        const changed = await tx.professionalApplication.updateMany({ where: { id: app.id, status: { in: [...EDITABLE] } }, data });
        if (changed.count === 0) throw new ApplicationClosed();
      }
      if (upload) {
        // Read under the row lock the update above took: a second tab's upload meanwhile is the one replaced (and deleted).
        replacedKey = (await tx.licenceDocument.findUnique({ where: { applicationId: app.id }, select: { storageKey: true } }))?.storageKey ?? null;
        await tx.licenceDocument.upsert({
          where: { applicationId: app.id },
          create: {
            applicationId: app.id,
            storageKey: upload.key,
            fileName: upload.fileName,
            contentType: upload.contentType,
            sizeBytes: upload.sizeBytes,
            sha256: upload.sha256,
          },
          update: {
            storageKey: upload.key,
            fileName: upload.fileName,
            contentType: upload.contentType,
            sizeBytes: upload.sizeBytes,
            sha256: upload.sha256,
            uploadedAt: now,
          },
        });
      }
      if (input.submit) {
        await tx.professionalApplication.update({ where: { id: app.id }, data: { status: "SUBMITTED", submittedAt: now } });
        await tx.professionalEvent.create({
          data: {
            applicationId: app.id,
            kind: "submitted",
            actorKind: "CUSTOMER",
            message: app.status === "NEEDS_INFO" ? "You sent the application again with the changes asked for." : "You sent the application for review.",
            at: now,
          },
        });
      } else if (!existing) {
        await tx.professionalEvent.create({
          data: { applicationId: app.id, kind: "saved", actorKind: "CUSTOMER", message: "You started an application.", at: now },
        });
      }
      return app.id;
    });
    if (replacedKey)
      await documentStore()
        .delete(replacedKey)
        .catch((e: Error) => console.error("[professional] a replaced licence copy could not be deleted:", e.message));
    const saved = await db.professionalApplication.findUniqueOrThrow({ where: { id }, include: withDetail });
    return { ok: true, application: view(saved), submitted: input.submit };
  } catch (error) {
    if (upload)
      await documentStore()
        .delete(upload.key)
        .catch(() => {});
    if (error instanceof ApplicationClosed) {
      return { ok: false, fields, errors: { form: "Your application was sent from another window meanwhile; nothing here was changed." } };
    }
    // Two tabs making the first application at once: the other one made it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, fields, errors: { form: "Your application was started in another window meanwhile. Reload the page to continue it." } };
    }
    throw error;
  }
}

class ApplicationClosed extends Error {}

// ------------------------------------------------------------------- staff

export type QueueRow = {
  id: string;
  status: ProfessionalApplicationStatus;
  email: string;
  name: string | null;
  profession: string;
  region: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
};

/** Applications for staff: those waiting (oldest first) or, with `status`, that status (newest first). */
export async function reviewQueue(db: Db, actor: Actor | null | undefined, status: ProfessionalApplicationStatus = "SUBMITTED"): Promise<QueueRow[]> {
  authorize(actor, "professionals.review");
  const rows = await db.professionalApplication.findMany({
    where: { status },
    orderBy: status === "SUBMITTED" ? { submittedAt: "asc" } : { updatedAt: "desc" },
    take: 200,
    include: { user: { select: { email: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    email: r.user.email,
    name: r.user.name,
    profession: r.profession,
    region: r.region,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
  }));
}

export type StaffApplicationView = ApplicationView & {
  applicant: { userId: string; email: string; name: string | null };
  decidedBy: string | null;
  eventsWithActors: { at: Date; kind: string; message: string; actorKind: string; actorEmail: string | null }[];
  licences: { id: string; licenceNumber: string; expiresOn: string; validUntil: Date; approvedAt: Date; approvedBy: string }[];
};

export async function applicationForStaff(db: Db, actor: Actor | null | undefined, id: string): Promise<StaffApplicationView | null> {
  authorize(actor, "professionals.review");
  if (!isId(id)) return null;
  const a = await db.professionalApplication.findUnique({ where: { id }, include: { ...withDetail, user: { select: { id: true, email: true, name: true } } } });
  if (!a) return null;
  const licences = await db.professionalLicence.findMany({ where: { userId: a.userId }, orderBy: { approvedAt: "desc" } });
  return {
    ...view(a),
    applicant: { userId: a.user.id, email: a.user.email, name: a.user.name },
    decidedBy: a.decidedBy,
    eventsWithActors: [...a.events]
      .sort((x, y) => x.at.getTime() - y.at.getTime() || Number(x.id - y.id))
      .map((e) => ({ at: e.at, kind: e.kind, message: e.message, actorKind: e.actorKind, actorEmail: e.actorEmail })),
    licences: licences.map((l) => ({
      id: l.id,
      licenceNumber: l.licenceNumber,
      expiresOn: dayOf(l.expiresOn),
      validUntil: l.validUntil,
      approvedAt: l.approvedAt,
      approvedBy: l.approvedBy,
    })),
  };
}

export type Decision = ({ kind: "approve"; expiresOn: string } | { kind: "reject"; reason: string } | { kind: "more-info"; message: string }) & {
  /**
   * When the application staff looked at was sent (its submittedAt, ISO). The
   * decision applies only to that sending: if the applicant changed and sent
   * it again meanwhile, staff have not seen what they would be deciding.
   */
  seen?: string;
};

const DECISION_EVENTS = {
  approve: { status: "APPROVED", event: "approved", audit: "professional.approve" },
  reject: { status: "REJECTED", event: "rejected", audit: "professional.reject" },
  "more-info": { status: "NEEDS_INFO", event: "more-info", audit: "professional.more-info" },
} as const;

/**
 * A staff decision on a waiting application. Approving makes the licence
 * (valid through `expiresOn`, the licence's own expiry unless staff correct
 * it from the document); rejecting and asking for more carry a message the
 * applicant sees. Only a waiting application can be decided, once: a second
 * decision (another member, another tab) is refused and changes nothing.
 */
export async function decideApplication(
  db: Db,
  actor: Actor | null | undefined,
  id: string,
  decision: Decision,
  now = new Date(),
): Promise<{ status: ProfessionalApplicationStatus; email: string }> {
  authorize(actor, "professionals.review");
  const who = actor;
  if (!isId(id)) throw new ActionError("We could not find that application.");
  let message: string;
  let expiresOn: string | null = null;
  if (decision.kind === "approve") {
    const { errors, fields } = checkFields({ expiresOn: decision.expiresOn }, false, now);
    if (!fields.expiresOn) throw new ActionError("Enter the date the licence expires, as on the document.", "expiresOn");
    if (errors.expiresOn) throw new ActionError(errors.expiresOn.replace("Apply with a licence that is still valid.", "It cannot be approved."), "expiresOn");
    expiresOn = fields.expiresOn;
    message = `Approved: you can now order professional-only items until your licence expires on ${expiresOn}.`;
  } else {
    message =
      decision.kind === "reject"
        ? staffText(decision.reason, "reason", "Say why, so the applicant knows.")
        : staffText(decision.message, "message", "Say what you need from the applicant.");
  }
  const step = DECISION_EVENTS[decision.kind];
  const result = await db.$transaction(async (tx) => {
    const app = await tx.professionalApplication.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
    if (!app) throw new ActionError("We could not find that application.");
    // Nobody decides their own application: a member of staff applying is decided by another.
    if (who.kind === "staff" && app.userId === who.userId)
      throw new ActionError("This is your own application: another member of staff must decide it. Nothing was changed.");
    if (decision.seen !== undefined && app.submittedAt?.toISOString() !== decision.seen) {
      throw new ActionError(
        "The applicant has changed and sent this application again since you opened it. Read it again before deciding. Nothing was changed.",
      );
    }
    const changed = await tx.professionalApplication.updateMany({
      where: { id, status: "SUBMITTED", submittedAt: app.submittedAt },
      data: { status: step.status, decidedAt: now, decidedBy: who.email, staffMessage: decision.kind === "approve" ? null : message },
    });
    if (changed.count === 0) throw new ActionError("This application is not waiting for a decision (it may have been decided meanwhile). Nothing was changed.");
    let licenceId: string | null = null;
    if (expiresOn) {
      const licence = await tx.professionalLicence.create({
        data: {
          userId: app.userId,
          applicationId: app.id,
          profession: app.profession,
          licenceNumber: app.licenceNumber,
          issuingBody: app.issuingBody,
          region: app.region,
          expiresOn: new Date(`${expiresOn}T00:00:00Z`),
          validUntil: validUntilOf(expiresOn),
          approvedAt: now,
          approvedBy: who.email,
        },
      });
      licenceId = licence.id;
    }
    const event = await tx.professionalEvent.create({
      data: {
        applicationId: id,
        kind: step.event,
        actorKind: "STAFF",
        actorEmail: who.email,
        message: decision.kind === "approve" ? message : decision.kind === "reject" ? `Not approved: ${message}` : `More needed: ${message}`,
        at: now,
      },
    });
    await recordAudit(tx, who, {
      action: step.audit,
      subjectType: "professional-application",
      subjectId: id,
      subjectLabel: app.user.email,
      before: { status: app.status },
      after: { status: step.status, ...(expiresOn ? { expiresOn, licenceId } : { message }) },
    });
    // The mail says this decision's message (the payload), not whatever the application says when the job runs.
    await enqueueJob(tx, {
      kind: "mail.professional",
      payload: { eventId: String(event.id), message: decision.kind === "approve" ? null : message },
      dedupeKey: `mail:professional:${event.id}`,
    });
    return { status: step.status as ProfessionalApplicationStatus, email: app.user.email };
  });
  kickJobs();
  return result;
}

// --------------------------------------------------------------- documents

/**
 * The licence copy of an application, for its applicant or for staff with
 * the right to review; null for anyone else (answered as not found).
 */
export async function readDocument(
  db: Db,
  who: { userId: string } | { actor: Actor | null | undefined },
  applicationId: string,
): Promise<{ bytes: Buffer; contentType: string; fileName: string } | null> {
  if (!isId(applicationId)) return null;
  if ("actor" in who) authorize(who.actor, "professionals.review");
  const doc = await db.licenceDocument.findUnique({ where: { applicationId }, include: { application: { select: { userId: true } } } });
  if (!doc) return null;
  if ("userId" in who && doc.application.userId !== who.userId) return null;
  const bytes = await documentStore().get(doc.storageKey);
  return bytes ? { bytes, contentType: doc.contentType, fileName: doc.fileName } : null;
}

/**
 * Withdraws a licence before its expiry (a copy found to be false, a licence
 * suspended by its board): it stops being valid now, professional-only items
 * leave the holder's cart unless another licence of theirs is still valid,
 * and the applicant is told why (their history and a mail). Audited. Nobody
 * withdraws their own.
 */
export async function revokeLicence(
  db: Db,
  actor: Actor | null | undefined,
  licenceId: string,
  reason: string,
  now = new Date(),
): Promise<{ email: string; applicationId: string }> {
  authorize(actor, "professionals.review");
  const who = actor;
  if (!isId(licenceId)) throw new ActionError("We could not find that licence.");
  const text = staffText(reason, "reason", "Say why, so the professional knows.");
  const result = await db.$transaction(async (tx) => {
    const licence = await tx.professionalLicence.findUnique({ where: { id: licenceId }, include: { user: { select: { email: true } } } });
    if (!licence) throw new ActionError("We could not find that licence.");
    if (who.kind === "staff" && licence.userId === who.userId)
      throw new ActionError("This is your own licence: another member of staff must withdraw it. Nothing was changed.");
    // Only while it is still valid: a second withdrawal (another tab) changes nothing.
    const ended = await tx.professionalLicence.updateMany({
      where: { id: licenceId, validUntil: { gt: now } },
      data: { validUntil: now, expiredHandledAt: now },
    });
    if (ended.count === 0) throw new ActionError("This licence is no longer valid. Nothing was changed.");
    await dropProfessionalItems(tx, licence.userId, now);
    const event = await tx.professionalEvent.create({
      data: {
        applicationId: licence.applicationId,
        kind: "revoked",
        actorKind: "STAFF",
        actorEmail: who.email,
        message: `Licence withdrawn: ${text}`,
        at: now,
      },
    });
    await recordAudit(tx, who, {
      action: "professional.revoke",
      subjectType: "professional-application",
      subjectId: licence.applicationId,
      subjectLabel: licence.user.email,
      before: { licenceId, validUntil: licence.validUntil.toISOString() },
      after: { licenceId, validUntil: now.toISOString(), reason: text },
    });
    await enqueueJob(tx, { kind: "mail.professional", payload: { eventId: String(event.id), message: text }, dedupeKey: `mail:professional:${event.id}` });
    return { email: licence.user.email, applicationId: licence.applicationId };
  });
  kickJobs();
  return result;
}
