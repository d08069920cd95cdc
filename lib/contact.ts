// How customers reach the store: the address its order mail comes from
// (MAIL_FROM), so a reply to any order email reaches the same place. In demo
// mode that address goes nowhere, and the contact page says so.
import { config } from "@/lib/config";

export type StoreContact = { email: string; demo: boolean };

/** The bare address of a "Name <address>" sender, or the setting as it is. */
export function senderAddress(from: string): string {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  return (match?.[1] ?? from).trim();
}

export function storeContact(): StoreContact {
  const c = config();
  return { email: senderAddress(c.mailFrom), demo: c.mode === "demo" };
}
