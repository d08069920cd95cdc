// The visitor's pen model, remembered in a cookie so cartridge listings can
// show only what fits. Not personal data: just a catalog slug.
import { cookies } from "next/headers";
import { config } from "@/lib/config";

import { PEN_COOKIE } from "./pen-cookie";
export { PEN_COOKIE };

export async function savedPenSlug(): Promise<string | null> {
  const value = (await cookies()).get(PEN_COOKIE)?.value;
  return value && /^[a-z0-9-]{1,60}$/.test(value) ? value : null;
}

/**
 * How the pen cookie is set, wherever it is set (auth.ts too): Secure when
 * the site is served over https. `secure` is a getter, read from the settings
 * each time a cookie is set (`cookies().set` spreads the options), so it is
 * never frozen at import, when the build has no settings.
 */
export const PEN_COOKIE_OPTIONS = {
  path: "/",
  maxAge: 60 * 60 * 24 * 365,
  sameSite: "lax",
  httpOnly: true,
  get secure(): boolean {
    return config().https;
  },
} as const;
