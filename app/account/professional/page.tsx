// The customer's professional account: their licence (and when it needs
// renewing), their latest application with its status, what our staff said
// and its history, and the form to apply, finish a draft, answer a request
// for more, or apply again. The form is a plain multipart POST to
// ./save (no JavaScript needed); it comes back here with ?saved= or with
// ?error= and, for "retry", what was typed and the messages in a sealed
// cookie (lib/professional/apply-form.ts). Nothing from the URL is shown.
import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/accounts/session";
import { formatDate, formatDateTime } from "@/lib/catalog";
import { latestApplication, licencesOf } from "@/lib/data";
import {
  dayOf,
  earliestExpiry,
  EDITABLE,
  FIELD_LIMITS,
  validUntilOf,
  type ApplicationErrors,
  type ApplicationFields,
  type ApplicationView,
} from "@/lib/professional/applications";
import { APPLY_COOKIE, APPLY_PATH, errorForCode, openApplyForm, savedNotice, TOO_LARGE_FILE } from "@/lib/professional/apply-form";
import { ACCEPT_ATTRIBUTE, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_LABEL } from "@/lib/professional/document";
import { storeSecret } from "@/lib/secret";
import { LicenceFileInput } from "./file-input";

export const metadata: Metadata = { title: "Professional account", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const RENEW_NOTICE_DAYS = 30;
const DAY_MS = 24 * 3600_000;

const STATUS_WORDS: Record<ApplicationView["status"], string> = {
  DRAFT: "Saved as a draft, not sent yet",
  SUBMITTED: "Sent, waiting for review",
  NEEDS_INFO: "Our team needs more from you",
  APPROVED: "Approved",
  REJECTED: "Not approved",
};

const FIELD_ORDER = ["profession", "licenceNumber", "issuingBody", "region", "expiresOn", "document"] as const;
const FIELD_LABELS: Record<(typeof FIELD_ORDER)[number], string> = {
  profession: "Your profession",
  licenceNumber: "Licence or certificate number",
  issuingBody: "Issuing body",
  region: "Country and state or province",
  expiresOn: "Expiry date",
  document: "A copy of your licence or certificate",
};

/** A licence's expiry day (kept as that day at 00:00 UTC), as a date. */
const expiryDay = (d: Date) => formatDate(d.toISOString(), "UTC");

export default async function ProfessionalAccountPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${APPLY_PATH}`);
  const [application, licences, query, jar] = await Promise.all([latestApplication(user.id), licencesOf(user.id), searchParams, cookies()]);
  const now = new Date();

  const current = licences.find((l) => l.validUntil > now) ?? null;
  const lastExpired = current ? null : (licences[0] ?? null);
  const renewDue = current ? current.validUntil.getTime() - now.getTime() <= RENEW_NOTICE_DAYS * DAY_MS : lastExpired !== null;

  // Back from ./save: a notice, or what was typed and what to fix.
  const notice = savedNotice(query.saved);
  let sentBack: { values: Partial<ApplicationFields>; errors: ApplicationErrors } | null = null;
  if (query.error === "retry") {
    sentBack = openApplyForm(jar.get(APPLY_COOKIE)?.value, storeSecret()) ?? {
      values: {},
      errors: { form: "Please check the form and send it again." },
    };
  } else {
    const errors = errorForCode(query.error);
    if (errors) sentBack = { values: {}, errors };
  }

  const editable = !application || EDITABLE.includes(application.status) || application.status === "APPROVED" || application.status === "REJECTED";
  const continuing = application !== null && EDITABLE.includes(application.status);
  // A new application after a decision starts from the last one's details, except its expiry.
  const saved: Partial<ApplicationFields> = application ? (continuing ? application.fields : { ...application.fields, expiresOn: "" }) : {};
  const values = { ...saved, ...sentBack?.values };
  const errors = sentBack?.errors ?? {};
  const formHeading = continuing
    ? application!.status === "NEEDS_INFO"
      ? "Update your application"
      : "Finish your application"
    : application?.status === "APPROVED"
      ? "Send a renewed licence"
      : application?.status === "REJECTED"
        ? "Apply again"
        : "Apply";
  // Approved and nowhere near renewal: the form waits behind a summary, unless it has something to say.
  const formCollapsed = application?.status === "APPROVED" && current !== null && !renewDue && Object.keys(errors).length === 0;

  return (
    <div className="space-y-10">
      <header>
        <p className="text-sm">
          <Link href="/account" className="underline hover:text-brand">
            Your account
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">Professional account</h1>
        <p className="mt-2 max-w-prose text-muted">
          Professional-only kits and deeper cartridges are sold to trained practitioners with a current licence or certificate. Send us its details and a copy;
          our team checks it and emails you.
        </p>
      </header>

      {notice && (
        <p role="status" className="rounded border border-brand/30 bg-brand-soft p-3 text-sm text-brand-dark" data-testid="apply-notice">
          {notice}
        </p>
      )}

      {(current || lastExpired) && (
        <section aria-labelledby="licence-heading" className="space-y-3">
          <h2 id="licence-heading" className="text-xl font-semibold">
            Your licence
          </h2>
          {renewDue && (
            <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="renewal-notice">
              {current
                ? `Your licence expires on ${expiryDay(current.expiresOn)}. Send us your renewed licence below so you can keep ordering professional-only items.`
                : lastExpired!.validUntil < validUntilOf(dayOf(lastExpired!.expiresOn))
                  ? "We withdrew the licence on file (your history below says why). Professional-only items cannot be ordered until you apply again below."
                  : `Your licence expired on ${expiryDay(lastExpired!.expiresOn)}. Professional-only items cannot be ordered until you send us a renewed one below.`}
            </p>
          )}
          {(() => {
            const l = (current ?? lastExpired)!;
            return (
              <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-line bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]" data-testid="licence">
                <dt className="text-muted">Number</dt>
                <dd className="break-words">{l.licenceNumber}</dd>
                <dt className="text-muted">Issued by</dt>
                <dd className="break-words">
                  {l.issuingBody}, {l.region}
                </dd>
                <dt className="text-muted">Expiry</dt>
                <dd>{expiryDay(l.expiresOn)}</dd>
                <dt className="text-muted">{current ? "Valid until" : "Was valid until"}</dt>
                <dd>{formatDateTime(l.validUntil.toISOString())}</dd>
              </dl>
            );
          })()}
        </section>
      )}

      {application && (
        <section aria-labelledby="application-heading" className="space-y-4">
          <h2 id="application-heading" className="text-xl font-semibold">
            Your application
          </h2>
          <p data-testid="application-status">
            <span className="font-medium">Status:</span> {STATUS_WORDS[application.status]}
          </p>
          {application.status === "SUBMITTED" && (
            <p className="max-w-prose text-sm text-muted">
              Our team is checking it and will email you. You cannot change it while it is waiting for review; if they need more, they will ask here.
            </p>
          )}
          {application.staffMessage && (application.status === "NEEDS_INFO" || application.status === "REJECTED") && (
            <div className="rounded border border-line bg-white p-4 text-sm" data-testid="staff-message">
              <p className="font-medium">{application.status === "NEEDS_INFO" ? "What our team asked for" : "Why it was not approved"}</p>
              <p className="mt-1 whitespace-pre-line break-words">{application.staffMessage}</p>
            </div>
          )}
          {!continuing && <ApplicationSummary application={application} />}
          {application.events.length > 0 && (
            <div>
              <h3 className="font-medium">History</h3>
              <ol className="mt-2 space-y-1 text-sm" data-testid="application-history">
                {application.events.map((e, i) => (
                  <li key={i} className="break-words">
                    <time dateTime={e.at.toISOString()} className="text-muted">
                      {formatDateTime(e.at.toISOString())}
                    </time>{" "}
                    {e.message}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </section>
      )}

      {editable && (
        <section aria-labelledby="apply-heading" className="space-y-4">
          {formCollapsed && (
            // The section's heading, for screen readers: a heading inside <summary> is not announced as one.
            <h2 id="apply-heading" className="sr-only">
              {formHeading}
            </h2>
          )}
          {formCollapsed ? (
            <details className="rounded-lg border border-line bg-white p-4">
              <summary className="cursor-pointer font-medium">{formHeading}</summary>
              <div className="mt-4">
                <ApplyForm values={values} errors={errors} application={continuing ? application : null} />
              </div>
            </details>
          ) : (
            <>
              <h2 id="apply-heading" className="text-xl font-semibold">
                {formHeading}
              </h2>
              <ApplyForm values={values} errors={errors} application={continuing ? application : null} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

function ApplicationSummary({ application }: { application: ApplicationView }) {
  const f = application.fields;
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-line bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]" data-testid="application-details">
      <dt className="text-muted">{FIELD_LABELS.profession}</dt>
      <dd className="break-words">{f.profession || "—"}</dd>
      <dt className="text-muted">{FIELD_LABELS.licenceNumber}</dt>
      <dd className="break-words">{f.licenceNumber || "—"}</dd>
      <dt className="text-muted">{FIELD_LABELS.issuingBody}</dt>
      <dd className="break-words">{f.issuingBody || "—"}</dd>
      <dt className="text-muted">{FIELD_LABELS.region}</dt>
      <dd className="break-words">{f.region || "—"}</dd>
      <dt className="text-muted">{FIELD_LABELS.expiresOn}</dt>
      <dd>{f.expiresOn ? expiryDay(new Date(`${f.expiresOn}T00:00:00Z`)) : "—"}</dd>
      <dt className="text-muted">Copy</dt>
      <dd className="break-words">
        {application.document ? (
          <a href={`${APPLY_PATH}/document`} className="underline hover:text-brand">
            {application.document.fileName}
          </a>
        ) : (
          "—"
        )}
      </dd>
    </dl>
  );
}

function ApplyForm({ values, errors, application }: { values: Partial<ApplicationFields>; errors: ApplicationErrors; application: ApplicationView | null }) {
  const problems = FIELD_ORDER.filter((name) => errors[name]);
  // The first day the store accepts: a licence must still be valid tomorrow, in the store's time zone.
  const earliest = earliestExpiry();
  return (
    <form method="post" action={`${APPLY_PATH}/save`} encType="multipart/form-data" noValidate className="max-w-xl space-y-5" data-testid="apply-form">
      {(problems.length > 0 || errors.form) && (
        <div
          id="problems"
          role="alert"
          tabIndex={-1}
          className="rounded border border-danger/30 bg-red-50 p-4 text-sm text-danger"
          data-testid="apply-problems"
        >
          <p className="font-medium">{problems.length > 0 ? "Nothing was saved. Please fix the following:" : errors.form}</p>
          {problems.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {problems.map((name) => (
                <li key={name}>
                  <a href={`#${name}`} className="underline">
                    {FIELD_LABELS[name]}: {errors[name]}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {problems.length > 0 && errors.form && <p className="mt-2">{errors.form}</p>}
        </div>
      )}
      <p className="text-sm text-muted">You can save a draft with only some of this filled in; sending it for review needs everything.</p>

      <Field name="profession" errors={errors} hint="For example: aesthetician, dermatology nurse, physician.">
        {(a) => <input {...a} type="text" defaultValue={values.profession ?? ""} maxLength={FIELD_LIMITS.profession} autoComplete="organization-title" />}
      </Field>
      <Field name="licenceNumber" errors={errors} hint="As printed on the licence or certificate.">
        {(a) => (
          <input {...a} type="text" defaultValue={values.licenceNumber ?? ""} maxLength={FIELD_LIMITS.licenceNumber} autoComplete="off" spellCheck={false} />
        )}
      </Field>
      <Field name="issuingBody" errors={errors} hint="The board, council or school that issued it.">
        {(a) => <input {...a} type="text" defaultValue={values.issuingBody ?? ""} maxLength={FIELD_LIMITS.issuingBody} />}
      </Field>
      <Field name="region" errors={errors} hint="Where it is valid, for example: United States, California.">
        {(a) => <input {...a} type="text" defaultValue={values.region ?? ""} maxLength={FIELD_LIMITS.region} />}
      </Field>
      <Field name="expiresOn" errors={errors} hint="The date printed on it.">
        {(a) => <input {...a} type="date" defaultValue={values.expiresOn ?? ""} min={earliest} className={`${a.className} max-w-[14rem]`} />}
      </Field>
      <div>
        <label htmlFor="document" className="block text-sm font-medium">
          {FIELD_LABELS.document}
        </label>
        <p id="document-hint" className="text-sm text-muted">
          A PDF, PNG, JPEG or WebP file, up to {MAX_DOCUMENT_LABEL}. It is kept privately: only our staff and you can see it.
          {application?.document ? " Choose a file only to replace the one you sent." : ""}
        </p>
        <LicenceFileInput
          id="document"
          accept={ACCEPT_ATTRIBUTE}
          maxBytes={MAX_DOCUMENT_BYTES}
          tooLargeMessage={TOO_LARGE_FILE}
          hintId="document-hint"
          serverError={errors.document}
        />
      </div>
      {application?.document && (
        <p className="text-sm" data-testid="current-document">
          Your copy:{" "}
          <a href={`${APPLY_PATH}/document`} className="break-all underline hover:text-brand">
            {application.document.fileName}
          </a>{" "}
          <span className="text-muted">(uploaded {formatDateTime(application.document.uploadedAt.toISOString())})</span>
        </p>
      )}
      {errors.document && <p className="text-sm text-muted">A chosen file is not kept between tries: choose it again.</p>}

      <div className="flex flex-wrap gap-3 pt-2">
        {/* Saving first: Enter in a field saves, it never sends by accident. */}
        <button type="submit" name="intent" value="draft" className="rounded border border-line bg-white px-4 py-2 font-medium hover:bg-brand-soft">
          Save and finish later
        </button>
        <button type="submit" name="intent" value="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          Send for review
        </button>
      </div>
    </form>
  );
}

type ControlProps = {
  id: string;
  name: string;
  className: string;
  "aria-invalid"?: true;
  "aria-describedby": string;
};

function Field({
  name,
  errors,
  hint,
  children,
}: {
  name: (typeof FIELD_ORDER)[number];
  errors: ApplicationErrors;
  hint?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const error = errors[name];
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {FIELD_LABELS[name]}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children({
        id: name,
        name,
        className: "mt-1 w-full rounded border border-line px-3 py-2",
        ...(error ? { "aria-invalid": true as const } : {}),
        "aria-describedby": describedBy,
      })}
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-danger" data-testid={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
