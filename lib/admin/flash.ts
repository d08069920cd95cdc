// What a back-office form shows after it was sent: a notice ("Order shipped"),
// or the values as typed with a message next to each field that needs fixing.
// Every form posts to /admin/actions/<name>, which answers 303 back to a page;
// the page reads this cookie. The cookie is
//   - sealed (AES-256-GCM, key derived from STORE_SECRET): only what the store
//     wrote is ever shown;
//   - HttpOnly, for /admin only, gone after five minutes;
//   - tied to one redirect: the URL carries `?done=<id>` and the page shows the
//     flash only when the ids match, so it never reappears on another page.
// Values are deflated; if a long text still does not fit a cookie, the longest
// values are dropped (their messages stay), the form then shows the saved
// value for that field.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";

export const FLASH_COOKIE = "admin-flash";
export const FLASH_PATH = "/admin";
export const FLASH_MAX_AGE_SECONDS = 5 * 60;
/** The query parameter naming the flash a page may show. */
export const FLASH_PARAM = "done";

const MAX_SEALED = 3_600;
/** The most openFlash inflates (a guard against a crafted bomb); a flash must fit it unsealed too. */
const MAX_JSON = 64 * 1024;

const flashSchema = z.object({
  id: z.string(),
  /** The action the form posted to: a page shows values and errors only on that action's form. */
  action: z.string(),
  notice: z.string().optional(),
  formError: z.string().optional(),
  values: z.record(z.string(), z.string()).default({}),
  errors: z.record(z.string(), z.string()).default({}),
});
export type Flash = z.infer<typeof flashSchema>;

function key(secret: string): Buffer {
  return createHash("sha256").update(`stillpoint admin flash\u0000${secret}`).digest();
}

/** Sealed, or null when its JSON is more than openFlash would inflate. */
function sealRaw(payload: Flash, secret: string): string | null {
  const json = Buffer.from(JSON.stringify(payload), "utf8");
  if (json.length > MAX_JSON) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(deflateRawSync(json)), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function newFlashId(): string {
  return randomBytes(9).toString("base64url");
}

/**
 * The cookie value for a flash, dropping the longest values until it fits:
 * one, then two more, four more… so a form of many fields is sealed a few
 * times, not once per field. Messages are kept while any value can go.
 */
export function sealFlash(flash: Flash, secret: string): string {
  const values = { ...flash.values };
  const longestFirst = Object.entries(values)
    .sort((a, b) => b[1].length - a[1].length)
    .map(([name]) => name);
  // First, without sealing, what can never fit unsealed (JSON escapes aside, each value costs about its length).
  let size = JSON.stringify(values).length;
  while (size > MAX_JSON / 2 && longestFirst.length > 0) {
    const name = longestFirst.shift()!;
    size -= name.length + values[name]!.length + 6;
    delete values[name];
  }
  for (let batch = 1; ; batch *= 2) {
    const sealed = sealRaw({ ...flash, values }, secret);
    if (sealed !== null && sealed.length <= MAX_SEALED) return sealed;
    if (longestFirst.length === 0) {
      return sealRaw({ ...flash, values: {}, errors: {}, formError: flash.formError ?? "Please check the form and try again." }, secret)!;
    }
    for (const name of longestFirst.splice(0, batch)) delete values[name];
  }
}

/** The flash in a cookie, or null for anything the store did not seal (or that is not for this page). */
export function openFlash(value: string | undefined, secret: string, id: unknown): Flash | null {
  if (!value || typeof id !== "string" || value.length > MAX_SEALED * 2) return null;
  try {
    const raw = Buffer.from(value, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = inflateRawSync(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]), { maxOutputLength: MAX_JSON });
    const flash = flashSchema.parse(JSON.parse(json.toString("utf8")));
    return flash.id === id ? flash : null;
  } catch {
    return null;
  }
}
