// Staff (owner only): who works in the back office, inviting someone by
// email, changing a role, removing someone (with a confirmation box).
import { ActionForm, FlashNotice, Input, Select, SubmitButton } from "@/components/admin/form";
import { formatDateTime } from "@/lib/catalog/format";
import { adminMetadata, adminPage, formState, pageFlash, withAdminDb } from "@/lib/admin/page";
import { listStaff, roleNames } from "@/lib/admin/staff-admin";

export const generateMetadata = adminMetadata("staff.manage", "Staff");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const roleOptions = [
  { value: "STAFF", label: "Staff: orders, fulfilment, stock, products, guide drafts" },
  { value: "OWNER", label: "Owner: everything, including refunds, staff and the audit log" },
];

export default async function StaffPage({ searchParams }: Props) {
  const actor = await adminPage("staff.manage", "/admin/staff");
  const flash = await pageFlash(await searchParams);
  const entries = await withAdminDb(listStaff)(actor);
  const invite = formState(flash, "staff.invite");
  /** A role or remove form's state, only on the member's form it came from. */
  const memberState = (action: string, id: string) => {
    const state = formState(flash, action);
    return state.values.staffId === id ? state : undefined;
  };
  const active = entries.filter((e) => e.kind !== "removed");
  const removed = entries.filter((e) => e.kind === "removed");

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Staff</h1>
      <FlashNotice flash={flash} />

      <section aria-labelledby="invite-heading" className="max-w-xl space-y-3 rounded-lg border border-line bg-white p-4">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite someone
        </h2>
        <p className="text-sm text-muted">They get an email with a link to sign in with that address. Staff cannot refund, publish guides or change staff.</p>
        <ActionForm action="staff.invite" label="Invite someone" state={invite} className="space-y-3">
          <Input name="email" label="Email address" type="email" autoComplete="off" required maxLength={254} state={invite} idPrefix="invite-" />
          <Select name="role" label="Role" options={roleOptions} defaultValue="STAFF" state={invite} idPrefix="invite-" />
          <SubmitButton>Send invitation</SubmitButton>
        </ActionForm>
      </section>

      <section aria-labelledby="team-heading" className="space-y-3">
        <h2 id="team-heading" className="text-lg font-semibold">
          Who has access
        </h2>
        <ul className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="staff-list">
          {active.map((entry) =>
            entry.kind === "settings-owner" ? (
              <li key="settings-owner" className="p-4" data-testid="staff-settings-owner">
                <p className="font-medium break-all">{entry.email}</p>
                <p className="text-sm text-muted">{entry.label}</p>
              </li>
            ) : entry.kind === "member" ? (
              <li key={entry.id} id={`staff-${entry.id}`} className="space-y-3 p-4" data-testid="staff-member">
                <div>
                  <p className="font-medium break-all">
                    {entry.email}
                    {entry.you ? <span className="text-muted"> (you)</span> : null}
                  </p>
                  <p className="text-sm text-muted">
                    {roleNames[entry.role]} · invited by <span className="break-all">{entry.invitedBy}</span> · since{" "}
                    {formatDateTime(entry.createdAt.toISOString())}
                  </p>
                </div>
                {entry.you ? (
                  <p className="text-sm text-muted">Another owner can change your role or remove you.</p>
                ) : (
                  <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
                    <ActionForm
                      action="staff.role"
                      label={`Change the role of ${entry.email}`}
                      state={memberState("staff.role", entry.id)}
                      className="flex flex-wrap items-end gap-2"
                    >
                      <input type="hidden" name="staffId" value={entry.id} />
                      <div className="min-w-0 flex-1">
                        <Select
                          name="role"
                          label="Role"
                          options={[
                            { value: "STAFF", label: "Staff" },
                            { value: "OWNER", label: "Owner" },
                          ]}
                          defaultValue={entry.role}
                          state={memberState("staff.role", entry.id)}
                          idPrefix={`role-${entry.id}-`}
                        />
                      </div>
                      <SubmitButton tone="plain">Change role</SubmitButton>
                    </ActionForm>
                    <details className="rounded border border-line p-2 sm:min-w-64" open={!!memberState("staff.remove", entry.id)}>
                      <summary className="cursor-pointer text-sm font-medium text-danger">Remove…</summary>
                      <ActionForm
                        action="staff.remove"
                        label={`Remove ${entry.email}`}
                        state={memberState("staff.remove", entry.id)}
                        className="mt-2 space-y-2"
                      >
                        <input type="hidden" name="staffId" value={entry.id} />
                        <div className="flex items-start gap-2 text-sm">
                          <input
                            id={`confirm-${entry.id}`}
                            type="checkbox"
                            name="confirm"
                            value="yes"
                            className="mt-1"
                            aria-describedby={memberState("staff.remove", entry.id)?.errors.confirm ? `confirm-${entry.id}-error` : undefined}
                          />
                          <label htmlFor={`confirm-${entry.id}`} className="break-words">
                            Yes, remove {entry.email}. They lose access and are signed out at once.
                          </label>
                        </div>
                        {memberState("staff.remove", entry.id)?.errors.confirm && (
                          <p id={`confirm-${entry.id}-error`} className="text-sm text-danger">
                            {memberState("staff.remove", entry.id)?.errors.confirm}
                          </p>
                        )}
                        <SubmitButton tone="danger">Remove</SubmitButton>
                      </ActionForm>
                    </details>
                  </div>
                )}
              </li>
            ) : null,
          )}
        </ul>
      </section>

      {removed.length > 0 && (
        <section aria-labelledby="removed-heading" className="space-y-3">
          <h2 id="removed-heading" className="text-lg font-semibold">
            Removed
          </h2>
          <p className="text-sm text-muted">They have no access. Inviting the same address again gives it back.</p>
          <ul className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="staff-removed">
            {removed.map((entry) =>
              entry.kind === "removed" ? (
                <li key={entry.id} className="p-4 text-sm">
                  <p className="font-medium break-all">{entry.email}</p>
                  <p className="text-muted">
                    Was {roleNames[entry.role]} · removed {formatDateTime(entry.removedAt.toISOString())}
                  </p>
                </li>
              ) : null,
            )}
          </ul>
        </section>
      )}
    </div>
  );
}
