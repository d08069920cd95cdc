"use server";
// "Which pen do you have?" Works as a plain form post without JavaScript.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCatalog } from "@/lib/catalog";
import { savePenModel } from "@/lib/data";
import { safeReturnPath } from "@/lib/accounts/redirect";
import { currentUserId } from "@/lib/accounts/session";
import { PEN_COOKIE, PEN_COOKIE_OPTIONS } from "@/lib/catalog/pen-preference";
import { formField, id } from "@/lib/validation";

const RETURN_FALLBACK = "/shop/cartridges";

const input = z.object({ pen: z.union([z.literal(""), id("Choose one of the pen models listed.", 60)]) });

export async function choosePen(formData: FormData): Promise<void> {
  const parsed = input.safeParse({ pen: formField(formData, "pen", 100) ?? "" });
  // Only a path on this site, so the form cannot be used to redirect elsewhere.
  const returnTo = parsed.success ? safeReturnPath(formField(formData, "returnTo", 600) ?? "", RETURN_FALLBACK) : RETURN_FALLBACK;
  const jar = await cookies();
  const pen = parsed.success ? parsed.data.pen : "";
  const known = (await getCatalog()).penModels.some((m) => m.slug === pen);
  if (known) {
    jar.set(PEN_COOKIE, pen, PEN_COOKIE_OPTIONS);
  } else {
    jar.delete(PEN_COOKIE);
  }
  // Signed in, the choice is the account's saved pen too.
  const userId = await currentUserId();
  if (userId) await savePenModel(userId, known ? pen : "");
  // Drop an explicit pen from the return URL so the saved choice applies.
  const url = new URL(returnTo, "http://store.local");
  url.searchParams.delete("pen");
  redirect(url.pathname + url.search);
}
