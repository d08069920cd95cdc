// Form fields with their label and their error next to them, linked for
// screen readers; and the postal-address block shared by checkout and the
// account's saved addresses. Server-renderable: no hooks here.
import type { InputHTMLAttributes } from "react";

type FieldState = { values: Record<string, string | undefined>; errors: Record<string, string | undefined>; idPrefix?: string };

export function TextField({
  name,
  label,
  values,
  errors,
  idPrefix = "",
  ...props
}: FieldState & { name: string; label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `${idPrefix}${name}`;
  const error = errors[name];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={values[name] ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full rounded border border-line px-3 py-2"
        {...props}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** Name, address lines, town, region, postal code and country. */
export function AddressFields({ countries, ...state }: FieldState & { countries: Record<string, string> }) {
  const { values, errors, idPrefix = "" } = state;
  const countryId = `${idPrefix}country`;
  return (
    <>
      <TextField {...state} name="name" label="Full name" autoComplete="name" required />
      <TextField {...state} name="line1" label="Address line 1" autoComplete="address-line1" required />
      <TextField {...state} name="line2" label="Address line 2 (optional)" autoComplete="address-line2" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...state} name="city" label="Town or city" autoComplete="address-level2" required />
        <TextField {...state} name="region" label="State, county or region (optional)" autoComplete="address-level1" />
        <TextField {...state} name="postalCode" label="Postal code" autoComplete="postal-code" required />
        <div>
          <label htmlFor={countryId} className="block text-sm font-medium">
            Country
          </label>
          <select
            id={countryId}
            name="country"
            defaultValue={values.country ?? "US"}
            autoComplete="country"
            aria-invalid={errors.country ? true : undefined}
            aria-describedby={errors.country ? `${countryId}-error` : undefined}
            className="mt-1 w-full rounded border border-line bg-white px-3 py-2"
          >
            {Object.entries(countries).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {errors.country && (
            <p id={`${countryId}-error`} className="mt-1 text-sm text-danger">
              {errors.country}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
