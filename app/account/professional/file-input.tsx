"use client";
// The licence-copy file field. The form works without JavaScript (the server
// checks the file and says what is wrong after the upload); with it, a file
// over the size limit is refused the moment it is chosen, next to the field,
// so nobody waits for 8 MB to upload only to be told, and what was typed in
// the other fields stays as it is.
import { useState } from "react";

export function LicenceFileInput({
  id,
  accept,
  maxBytes,
  tooLargeMessage,
  hintId,
  serverError,
}: {
  id: string;
  accept: string;
  maxBytes: number;
  tooLargeMessage: string;
  hintId: string;
  serverError?: string;
}) {
  const [error, setError] = useState(serverError);
  return (
    <>
      <input
        id={id}
        name={id}
        type="file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        className="mt-1 block w-full max-w-full text-sm"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file && file.size > maxBytes) {
            event.currentTarget.value = "";
            setError(tooLargeMessage);
          } else if (file) setError(undefined);
        }}
      />
      <div aria-live="polite">
        {error && (
          <p id={`${id}-error`} className="mt-1 text-sm text-danger" data-testid={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    </>
  );
}
