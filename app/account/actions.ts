"use server";
// Account changes. Each action finds the signed-in customer itself and hands
// lib/accounts that id: nothing the browser sends can name another account.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { addAddress, deleteAddress, savePenModel } from "@/lib/data";
import { type AddressErrors } from "@/lib/accounts";
import { ADDRESS_FIELDS } from "@/lib/addresses";
import { formField, formFields } from "@/lib/validation";
import { currentUserId } from "@/lib/accounts/session";
import { PEN_COOKIE, PEN_COOKIE_OPTIONS } from "@/lib/catalog/pen-preference";

export type AddressFormState = { errors: AddressErrors; formError?: string; values: Record<string, string>; saved?: boolean };

async function requireUserId(): Promise<string> {
  const userId = await currentUserId();
  if (!userId) redirect("/signin?callbackUrl=/account");
  return userId;
}

export async function addAddressAction(_prev: AddressFormState, formData: FormData): Promise<AddressFormState> {
  const userId = await requireUserId();
  const raw: Record<string, string> = formFields(formData, ADDRESS_FIELDS);
  const result = await addAddress(userId, raw);
  if (!result.ok) return { errors: result.errors, formError: result.formError, values: raw };
  revalidatePath("/account");
  return { errors: {}, values: {}, saved: true };
}

export async function deleteAddressAction(formData: FormData): Promise<void> {
  const userId = await requireUserId();
  await deleteAddress(userId, formField(formData, "addressId") ?? "");
  revalidatePath("/account");
}

export async function savePenAction(formData: FormData): Promise<void> {
  const userId = await requireUserId();
  const result = await savePenModel(userId, formField(formData, "pen", 100) ?? "");
  // A code, not text: the page shows the store's own message for it.
  if (!result.ok) redirect(`/account?penError=${result.code}#pen`);
  // The listings read the pen from its cookie; keep the two in step.
  const jar = await cookies();
  if (result.slug) jar.set(PEN_COOKIE, result.slug, PEN_COOKIE_OPTIONS);
  else jar.delete(PEN_COOKIE);
  redirect("/account?pen=saved#pen");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
