// Every back-office write: POST /admin/actions/<name> (see lib/admin/actions.ts
// for the order of checks). Anything refused (a cross-site post, an unknown
// action, a visitor, a customer, staff without the right, a GET, a PUT or any
// other method) gets the same 404, byte for byte, and nothing is read or
// changed. Who is asking is looked up before the action's name, so a known
// and an unknown name take the same path for anyone who is not staff.
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { ActionError, adminPath, MAX_ADMIN_BODY } from "@/lib/admin/actions";
import { FLASH_COOKIE, FLASH_MAX_AGE_SECONDS, FLASH_PARAM, FLASH_PATH, newFlashId, sealFlash, type Flash } from "@/lib/admin/flash";
import { withAdminDb } from "@/lib/admin/page";
import { adminRefused } from "@/lib/admin/refused";
import { findAction } from "@/lib/admin/registry";
import { AdminRefused, can, currentStaff } from "@/lib/admin/staff";
import { config } from "@/lib/config";
import { fieldErrors } from "@/lib/forms";
import { readFormBody } from "@/lib/http/form-body";
import { storeSecret } from "@/lib/secret";

export const dynamic = "force-dynamic";

/** The back office's one refusal (lib/admin/refused.ts). */
const refused = adminRefused;

/** A post from another site (a browser says so, or its Origin is not this store): refused like the rest. */
function crossSite(request: NextRequest): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    const from = new URL(origin);
    const own = new URL(config().siteUrl);
    return from.host !== own.host && from.host !== request.headers.get("host");
  } catch {
    return true;
  }
}

async function readBody(request: NextRequest): Promise<FormData | null> {
  const form = await readFormBody(request, MAX_ADMIN_BODY);
  return typeof form === "string" ? null : form;
}

/** No back-office form has nearly this many fields; more is not a form of ours (and would only make the flash costly to seal). */
const MAX_FIELDS = 200;

/** The form's text fields; a file, a repeated field name or too many fields count as unreadable. */
function textFields(form: FormData): Record<string, string> | null {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || Object.hasOwn(out, name) || name.length > 100 || ++count > MAX_FIELDS) return null;
    out[name] = value;
  }
  return out;
}

/** The action's page for these fields; a definition that throws on odd input sends the person to /admin rather than failing. */
function backPath(action: { back(fields: Record<string, string>): string }, fields: Record<string, string>): string {
  try {
    return adminPath(action.back(fields));
  } catch {
    return "/admin";
  }
}

async function back(path: string, flash: Omit<Flash, "id">): Promise<Response> {
  const id = newFlashId();
  const jar = await cookies();
  jar.set({
    name: FLASH_COOKIE,
    value: sealFlash({ ...flash, id }, storeSecret()),
    path: FLASH_PATH,
    httpOnly: true,
    sameSite: "lax",
    secure: config().https,
    maxAge: FLASH_MAX_AGE_SECONDS,
  });
  const [pathAndQuery, hash] = adminPath(path).split("#", 2) as [string, string | undefined];
  const url = `${pathAndQuery}${pathAndQuery.includes("?") ? "&" : "?"}${FLASH_PARAM}=${id}${hash ? `#${hash}` : ""}`;
  return new Response(null, { status: 303, headers: { Location: url, "Cache-Control": "no-store" } });
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ action: string }> }): Promise<Response> {
  if (crossSite(request)) return refused();
  const staff = await currentStaff();
  const action = findAction((await params).action);
  if (!action) return refused();
  if (staff.state === "expired") {
    return new Response(null, { status: 303, headers: { Location: "/signin?callbackUrl=/admin&expired=1", "Cache-Control": "no-store" } });
  }
  if (staff.state !== "staff" || !can(staff.actor.role, action.capability)) return refused();

  const form = await readBody(request);
  const fields = form && textFields(form);
  if (!fields) {
    return back("/admin", {
      action: action.name,
      formError: "We could not read that form (it may be too large). Nothing was changed.",
      values: {},
      errors: {},
    });
  }
  const backTo = backPath(action, fields);
  const parsed = (action.input as z.ZodType).safeParse(fields);
  if (!parsed.success) {
    return back(backTo, {
      action: action.name,
      values: fields,
      errors: fieldErrors<string>(parsed.error.issues) as Record<string, string>,
      formError: "Please check the highlighted fields. Nothing was changed.",
    });
  }
  try {
    const done = await withAdminDb((prisma) => action.run({ db: prisma, actor: staff.actor }, parsed.data))();
    return back(done.redirect, { action: action.name, notice: done.notice, values: {}, errors: {} });
  } catch (error) {
    if (error instanceof AdminRefused) return refused();
    if (error instanceof ActionError) {
      return back(backTo, {
        action: action.name,
        values: fields,
        errors: error.field ? { [error.field]: error.message } : {},
        formError: error.field ? "Please check the highlighted fields. Nothing was changed." : error.message,
      });
    }
    console.error(`[admin] ${action.name} by ${staff.actor.email} failed: ${error instanceof Error ? error.message : String(error)}`);
    return back(backTo, { action: action.name, values: fields, errors: {}, formError: "Something went wrong and nothing was changed. Please try again." });
  }
}

// Only POST does anything; every other method is answered like a missing page
// (without these, Next.js would answer 405 or list the allowed methods).
export function GET(): Response {
  return refused();
}
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
export const OPTIONS = GET;
