"use server";
import { headers } from "next/headers";
import { requestClientIp } from "@/lib/request-origin";
import { requestOrderLookup } from "@/lib/data";
import { type LookupFieldErrors } from "@/lib/orders/lookup";
import { retryAfterMinutes } from "@/lib/rate-limit";
import { formField } from "@/lib/validation";

export type LookupState = {
  status?: "sent" | "rate-limited";
  retryAfterMinutes?: number;
  errors?: LookupFieldErrors;
  values?: { orderNumber: string; email: string };
};

export async function lookupAction(_prev: LookupState, formData: FormData): Promise<LookupState> {
  const values = { orderNumber: formField(formData, "orderNumber", 64) ?? "", email: formField(formData, "email", 300) ?? "" };
  const result = await requestOrderLookup({ ...values, ip: requestClientIp(await headers()) });
  if (result.status === "invalid") return { errors: result.errors, values };
  if (result.status === "rate-limited") return { status: "rate-limited", retryAfterMinutes: retryAfterMinutes(result.retryAfterSeconds), values };
  return { status: "sent" };
}
