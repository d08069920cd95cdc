"use server";
import { headers } from "next/headers";
import { requestClientIp } from "@/lib/request-origin";
import { db } from "@/lib/db";
import { requestOrderLookup, type LookupFieldErrors } from "@/lib/orders/lookup";
import { retryAfterMinutes } from "@/lib/rate-limit";

export type LookupState = {
  status?: "sent" | "rate-limited";
  retryAfterMinutes?: number;
  errors?: LookupFieldErrors;
  values?: { orderNumber: string; email: string };
};

export async function lookupAction(_prev: LookupState, formData: FormData): Promise<LookupState> {
  const values = { orderNumber: String(formData.get("orderNumber") ?? "").slice(0, 64), email: String(formData.get("email") ?? "").slice(0, 300) };
  const result = await requestOrderLookup(db(), { ...values, ip: requestClientIp(await headers()) });
  if (result.status === "invalid") return { errors: result.errors, values };
  if (result.status === "rate-limited") return { status: "rate-limited", retryAfterMinutes: retryAfterMinutes(result.retryAfterSeconds), values };
  return { status: "sent" };
}
