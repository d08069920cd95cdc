// The back office's form parts. Every form posts to /admin/actions/<name>
// (app/admin/actions/[action]/route.ts) and comes back to its page with a
// flash: a notice, or the values as typed and a message next to each field.
// Plain HTML forms: they work without JavaScript. Server-renderable.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { Flash } from "@/lib/admin/flash";

export type FormState = { values: Record<string, string | undefined>; errors: Record<string, string | undefined>; formError?: string };

export function ActionForm({
  action,
  children,
  className,
  label,
  state,
}: {
  action: string;
  children: ReactNode;
  className?: string;
  /** An accessible name for the form (e.g. "Ship order SP-…"). */
  label?: string;
  state?: FormState;
}) {
  return (
    <form method="post" action={`/admin/actions/${action}`} className={className} aria-label={label} noValidate>
      {state?.formError && (
        <p role="alert" className="mb-3 rounded border border-danger bg-danger-soft px-3 py-2 text-sm text-danger">
          {state.formError}
        </p>
      )}
      {children}
    </form>
  );
}

/** The "done" line after a successful action, read out by screen readers. */
export function FlashNotice({ flash }: { flash: Flash | null }) {
  if (!flash?.notice) return null;
  return (
    <p role="status" className="rounded border border-brand bg-brand-soft px-3 py-2 text-sm" data-testid="admin-notice">
      {flash.notice}
    </p>
  );
}

type Common = { name: string; label: string; state?: FormState; hint?: string; idPrefix?: string; defaultValue?: string };

function described(id: string, error: string | undefined, hint: string | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return ids || undefined;
}

function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

export function Input({
  name,
  label,
  state,
  hint,
  idPrefix = "",
  defaultValue,
  ...props
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "defaultValue">) {
  const id = `${idPrefix}${name}`;
  const error = state?.errors[name];
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        defaultValue={state?.values[name] ?? defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        className="mt-1 w-full rounded border border-line px-3 py-2"
        {...props}
      />
    </FieldShell>
  );
}

export function TextArea({
  name,
  label,
  state,
  hint,
  idPrefix = "",
  defaultValue,
  ...props
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "defaultValue">) {
  const id = `${idPrefix}${name}`;
  const error = state?.errors[name];
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        defaultValue={state?.values[name] ?? defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        className="mt-1 w-full rounded border border-line px-3 py-2"
        rows={4}
        {...props}
      />
    </FieldShell>
  );
}

export function Select({
  name,
  label,
  state,
  hint,
  idPrefix = "",
  defaultValue,
  options,
  ...props
}: Common & { options: { value: string; label: string }[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "defaultValue">) {
  const id = `${idPrefix}${name}`;
  const error = state?.errors[name];
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={state?.values[name] ?? defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, error, hint)}
        className="mt-1 w-full rounded border border-line bg-white px-3 py-2"
        {...props}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function SubmitButton({ children, tone = "primary" }: { children: ReactNode; tone?: "primary" | "plain" | "danger" }) {
  const look =
    tone === "primary"
      ? "bg-brand text-white hover:bg-brand-dark"
      : tone === "danger"
        ? "border border-danger bg-white text-danger hover:bg-danger-soft"
        : "border border-line bg-white hover:bg-brand-soft";
  return (
    <button type="submit" className={`rounded px-4 py-2 text-sm font-medium ${look}`}>
      {children}
    </button>
  );
}
