// One professional application (staff with "professionals.review"): who
// applied, the licence details they typed, their uploaded copy (opened from
// the staff-only document route, an image shown here too), the application's
// history with who did each step, the licences they already hold, and, while
// it waits, the three decisions: approve (with the licence's own expiry,
// prefilled from the application and editable to match the document),
// not approved with a reason, or ask for more. The applicant reads the
// reason or the request, and is emailed either way.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FlashNotice, Input, SubmitButton, TextArea, type FormState } from "@/components/admin/form";
import { adminMetadata, adminPage, formState, pageFlash, withAdminDb } from "@/lib/admin/page";
import { queueStatusLabel } from "@/lib/admin/professionals";
import { applicationForStaff, FIELD_LIMITS } from "@/lib/professional/applications";
import { isId } from "@/lib/validation";
import { Section, when } from "@/components/admin/section";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(_: Props): Promise<Metadata> {
  // Only for staff: anyone else's 404 is titled like a missing page's.
  return adminMetadata("professionals.review", "Professional application")();
}

const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;

const actorOf = (e: { actorKind: string; actorEmail: string | null }) =>
  e.actorKind === "CUSTOMER" ? "Applicant" : e.actorKind === "STAFF" ? (e.actorEmail ?? "Staff") : "The store";

/** Which application, and which sending of it the page showed (a decision applies to that one only). */
function Hidden({ id, seen }: { id: string; seen: string }) {
  return (
    <>
      <input type="hidden" name="applicationId" value={id} />
      <input type="hidden" name="seen" value={seen} />
    </>
  );
}

function DecisionForms({
  id,
  seen,
  expiresOn,
  states,
}: {
  id: string;
  seen: string;
  expiresOn: string;
  states: Record<"approve" | "reject" | "more", FormState>;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="rounded border border-line p-3">
        <h3 className="font-semibold">Approve</h3>
        <ActionForm action="professional.approve" label="Approve this application" state={states.approve} className="mt-2 space-y-3">
          <Hidden id={id} seen={seen} />
          <Input
            name="expiresOn"
            label="Licence expires on"
            hint="As printed on the document. They can order professional-only items through this day."
            type="date"
            required
            defaultValue={expiresOn}
            state={states.approve}
            idPrefix="approve-"
          />
          <SubmitButton>Approve</SubmitButton>
        </ActionForm>
      </div>
      <div className="rounded border border-line p-3">
        <h3 className="font-semibold">Ask for more</h3>
        <ActionForm action="professional.more-info" label="Ask the applicant for more" state={states.more} className="mt-2 space-y-3">
          <Hidden id={id} seen={seen} />
          <TextArea
            name="message"
            label="What do you need?"
            hint="The applicant sees this and can change the application and send it again."
            required
            maxLength={FIELD_LIMITS.message}
            rows={3}
            state={states.more}
            idPrefix="more-"
          />
          <SubmitButton tone="plain">Ask for more</SubmitButton>
        </ActionForm>
      </div>
      <div className="rounded border border-line p-3">
        <h3 className="font-semibold">Do not approve</h3>
        <ActionForm action="professional.reject" label="Do not approve this application" state={states.reject} className="mt-2 space-y-3">
          <Hidden id={id} seen={seen} />
          <TextArea
            name="reason"
            label="Reason"
            hint="The applicant sees this, so say it plainly and kindly."
            required
            maxLength={FIELD_LIMITS.message}
            rows={3}
            state={states.reject}
            idPrefix="reject-"
          />
          <SubmitButton tone="danger">Do not approve</SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}

export default async function ProfessionalApplicationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await adminPage("professionals.review", isId(id) ? `/admin/professionals/${id}` : "/admin/professionals");
  const app = await withAdminDb(applicationForStaff)(actor, id);
  if (!app) notFound();
  const flash = await pageFlash(await searchParams);
  const documentUrl = `/admin/professionals/${app.id}/document`;
  const isImage = app.document?.contentType.startsWith("image/") ?? false;
  /** A form's values and messages, only when they came back from this application's form (not another tab's). */
  const stateFor = (action: string): FormState => {
    const state = formState(flash, action);
    return state.values.applicationId === undefined || state.values.applicationId === app.id ? state : { values: {}, errors: {} };
  };

  /** The withdraw form's values and messages, only on the licence they came back for. */
  const revokeState = (licenceId: string): FormState => {
    const state = stateFor("professional.revoke");
    return state.values.licenceId === licenceId ? state : { values: {}, errors: {} };
  };

  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href="/admin/professionals" prefetch={false} className="underline">
          All applications
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-semibold break-all">Application from {app.applicant.email}</h1>
        <p className="mt-1" data-testid="application-status">
          Status: <strong>{queueStatusLabel[app.status]}</strong>
          {app.decidedAt && app.decidedBy && (
            <span className="text-muted">
              {" "}
              · decided {when(app.decidedAt)} by <span className="break-all">{app.decidedBy}</span>
            </span>
          )}
        </p>
        {app.submittedAt && <p className="text-sm text-muted">Sent {when(app.submittedAt)}</p>}
      </header>
      <FlashNotice flash={flash} />

      {app.staffMessage && (app.status === "NEEDS_INFO" || app.status === "REJECTED") && (
        <p className="rounded border border-line bg-warn-soft p-3 text-sm break-words whitespace-pre-line" data-testid="application-staff-message">
          <span className="font-medium">{app.status === "NEEDS_INFO" ? "We asked for: " : "Reason given: "}</span>
          {app.staffMessage}
        </p>
      )}

      <div className="grid gap-5 md:grid-cols-2">
        <Section id="applicant-heading" title="Applicant">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="application-applicant">
            <dt className="text-muted">Email</dt>
            <dd className="break-all">{app.applicant.email}</dd>
            <dt className="text-muted">Name</dt>
            <dd className="break-words">{app.applicant.name ?? "Not given"}</dd>
          </dl>
        </Section>
        <Section id="licence-heading" title="Licence or certificate">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="application-fields">
            <dt className="text-muted">Profession</dt>
            <dd className="break-words">{app.fields.profession || "—"}</dd>
            <dt className="text-muted">Number</dt>
            <dd className="break-all">{app.fields.licenceNumber || "—"}</dd>
            <dt className="text-muted">Issuing body</dt>
            <dd className="break-words">{app.fields.issuingBody || "—"}</dd>
            <dt className="text-muted">Country and state</dt>
            <dd className="break-words">{app.fields.region || "—"}</dd>
            <dt className="text-muted">Expires</dt>
            <dd>{app.fields.expiresOn || "—"}</dd>
          </dl>
        </Section>
      </div>

      <Section id="document-heading" title="Uploaded copy">
        {app.document ? (
          <div className="space-y-3 text-sm" data-testid="application-document">
            <p className="break-all">
              {app.document.fileName} · {app.document.contentType === "application/pdf" ? "PDF" : app.document.contentType.replace("image/", "").toUpperCase()}{" "}
              · {fileSize(app.document.sizeBytes)} · uploaded {when(app.document.uploadedAt)}
            </p>
            <p>
              <a href={documentUrl} className="underline" target="_blank" rel="noopener noreferrer">
                Open the document
              </a>
              <span className="text-muted"> (opens in a new tab)</span>
            </p>
            {isImage && (
              // A plain img: the copy is private, so it is not run through Next.js's image optimizer.
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={documentUrl}
                alt={`The licence copy uploaded by ${app.applicant.email}`}
                className="max-h-[32rem] max-w-full rounded border border-line"
              />
            )}
          </div>
        ) : (
          <p className="text-sm text-muted">No copy was uploaded.</p>
        )}
      </Section>

      {app.status === "SUBMITTED" && (
        <Section id="decide-heading" title="Decide">
          <DecisionForms
            id={app.id}
            seen={app.submittedAt?.toISOString() ?? ""}
            expiresOn={app.fields.expiresOn}
            states={{
              approve: stateFor("professional.approve"),
              reject: stateFor("professional.reject"),
              more: stateFor("professional.more-info"),
            }}
          />
        </Section>
      )}

      <Section id="history-heading" title="History">
        <ol className="space-y-2 text-sm" data-testid="application-history">
          {app.eventsWithActors.map((e, n) => (
            <li key={n} className="break-words" data-kind={e.kind}>
              <span className="text-muted">{when(e.at)}</span> · <span className="font-medium break-all">{actorOf(e)}</span>
              <span className="block whitespace-pre-line">{e.message}</span>
            </li>
          ))}
        </ol>
      </Section>

      <Section id="licences-heading" title="Licences on this account">
        {app.licences.length === 0 ? (
          <p className="text-sm text-muted">None yet.</p>
        ) : (
          <ul className="divide-y divide-line text-sm" data-testid="application-licences">
            {app.licences.map((l) => (
              <li key={l.id} className="py-2 break-words">
                <span className="font-medium break-all">{l.licenceNumber}</span> · expires {l.expiresOn}
                {l.validUntil <= new Date() && <span className="ml-1 text-danger">(expired)</span>}
                <span className="block text-muted">
                  Approved {when(l.approvedAt)} by <span className="break-all">{l.approvedBy}</span>
                </span>
                {l.validUntil > new Date() && (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm underline">Withdraw this licence</summary>
                    <ActionForm
                      action="professional.revoke"
                      label={`Withdraw licence ${l.licenceNumber}`}
                      state={revokeState(l.id)}
                      className="mt-2 max-w-xl space-y-3"
                    >
                      <input type="hidden" name="applicationId" value={app.id} />
                      <input type="hidden" name="licenceId" value={l.id} />
                      <TextArea
                        name="reason"
                        label="Why"
                        hint="The professional sees this. They can no longer order professional-only items, from now on."
                        required
                        maxLength={FIELD_LIMITS.message}
                        rows={2}
                        state={revokeState(l.id)}
                        idPrefix={`revoke-${l.id}-`}
                      />
                      <SubmitButton tone="danger">Withdraw the licence</SubmitButton>
                    </ActionForm>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
