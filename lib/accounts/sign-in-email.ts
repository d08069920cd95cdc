// The sign-in mail is written with the store's other mails, in
// lib/mail/templates; auth.ts imports it from here. It is async: await it.
export { signInEmail } from "@/lib/mail/templates/sign-in";
