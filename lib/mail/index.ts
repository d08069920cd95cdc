// Mail behind one interface with two modes:
//   smtp    when SMTP_URL is set (e.g. smtps://user:pass@smtp.example.com:465):
//           nodemailer's SMTP transport, configured from that URL;
//   outbox  otherwise: every message is still built by nodemailer (the same
//           MIME message SMTP would carry, attachments and all) and kept in a
//           local folder instead of being sent: `<id>.eml` for the raw message,
//           `<id>.attachment-<n>` for each attachment's bytes (so the outbox
//           can offer them for download without parsing MIME) and `<id>.json`
//           for the outbox pages. Nothing leaves the machine.
// The store always runs from the project root, so the default folder is
// `.data/outbox` under process.cwd(); OUTBOX_DIR moves it (tests use a temp dir).
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { SendMailOptions, Transporter } from "nodemailer";
import { config } from "@/lib/config";
import { log } from "@/lib/log";

export type MailAttachment = { filename: string; content: Buffer; contentType: string };

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
};

/** `stored`: its bytes are kept beside the message (messages kept before downloads existed have only the .eml). */
export type OutboxAttachment = { filename: string; contentType: string; size: number; stored?: boolean };

export type OutboxSummary = {
  id: string;
  from: string;
  to: string;
  subject: string;
  /** ISO timestamp. */
  sentAt: string;
  attachmentCount: number;
};

export type OutboxMessage = {
  id: string;
  from: string;
  to: string;
  subject: string;
  sentAt: string;
  messageId: string;
  text: string;
  html: string;
  attachments: OutboxAttachment[];
};

export function mailMode(): "smtp" | "outbox" {
  return config().smtpUrl ? "smtp" : "outbox";
}

function mailFrom(): string {
  return config().mailFrom;
}

function outboxDir(): string {
  return process.env.OUTBOX_DIR || path.join(process.cwd(), ".data", "outbox");
}

// An id is a filename-safe UTC timestamp plus a random suffix, e.g.
// "2026-11-25T05-11-21-123Z-9f3a1c2e": ids sort by the time they were made.
// Only ids of exactly this shape are ever turned into a path.
const ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{8}$/;

export function isOutboxId(id: string): boolean {
  return ID_PATTERN.test(id);
}

// Two messages sent in the same millisecond would sort by their random
// suffix; bumping the clock by a millisecond keeps "newest first" exact.
let lastMs = 0;
function newOutboxId(): { id: string; sentAt: Date } {
  const ms = Math.max(Date.now(), lastMs + 1);
  lastMs = ms;
  const sentAt = new Date(ms);
  return { id: `${sentAt.toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`, sentAt };
}

/** The path of a kept message's raw RFC 822 file, or null for an id that is not an outbox id. */
export function outboxRawPath(id: string): string | null {
  return isOutboxId(id) ? path.join(outboxDir(), `${id}.eml`) : null;
}

function outboxMetaPath(id: string): string | null {
  return isOutboxId(id) ? path.join(outboxDir(), `${id}.json`) : null;
}

/** An attachment's file: only for an outbox id and a whole number, so no path leaves the outbox. */
function outboxAttachmentPath(id: string, index: number): string | null {
  return isOutboxId(id) && Number.isSafeInteger(index) && index >= 0 ? path.join(outboxDir(), `${id}.attachment-${index}`) : null;
}

let smtp: { url: string; transporter: Transporter } | null = null;
function smtpTransport(url: string): Transporter {
  if (!smtp || smtp.url !== url) smtp = { url, transporter: nodemailer.createTransport(url) };
  return smtp.transporter;
}

const outboxTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

/**
 * Sends one message (smtp) or keeps it in the outbox. Returns the outbox id,
 * or in smtp mode the Message-ID the server accepted.
 */
export async function sendMail(message: MailMessage): Promise<{ id: string }> {
  const from = mailFrom();
  const attachments = (message.attachments ?? []).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType }));
  const url = config().smtpUrl;
  if (url) {
    const info = await smtpTransport(url).sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html, attachments });
    return { id: String(info.messageId) };
  }

  const { id, sentAt } = newOutboxId();
  // nodemailer 7 ignores the transport's `newline` option (nodemailer#1639);
  // the message composer honours the same option given per message.
  const mail: SendMailOptions & { newline: "unix" } = {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments,
    date: sentAt,
    newline: "unix",
  };
  const info = await outboxTransport.sendMail(mail);
  if (!Buffer.isBuffer(info.message)) throw new Error("The outbox transport did not return the message as a buffer.");

  const meta: OutboxMessage = {
    id,
    from,
    to: message.to,
    subject: message.subject,
    sentAt: sentAt.toISOString(),
    messageId: info.messageId,
    text: message.text,
    html: message.html,
    attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length, stored: true })),
  };
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  // The .eml and the attachments first, the .json last and each by rename: a
  // message is listed only once all its files are complete.
  await writeAtomically(path.join(dir, `${id}.eml`), info.message);
  for (const [index, a] of (message.attachments ?? []).entries()) await writeAtomically(path.join(dir, `${id}.attachment-${index}`), a.content);
  await writeAtomically(path.join(dir, `${id}.json`), JSON.stringify(meta, null, 2));
  log.info({ outboxId: id, subject: message.subject }, "mail kept in outbox");
  return { id };
}

async function writeAtomically(file: string, data: Buffer | string) {
  const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

function isMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "ENOENT";
}

/** The kept messages, newest first. An outbox that does not exist yet is empty. */
export async function listOutbox(): Promise<OutboxSummary[]> {
  let names: string[];
  try {
    names = await readdir(/*turbopackIgnore: true*/ outboxDir());
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const ids = names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -".json".length))
    .filter(isOutboxId)
    .sort()
    .reverse();
  const messages = await Promise.all(ids.map(readOutbox));
  return messages
    .filter((m): m is OutboxMessage => m !== null)
    .map((m) => ({ id: m.id, from: m.from, to: m.to, subject: m.subject, sentAt: m.sentAt, attachmentCount: m.attachments.length }));
}

/** One kept message, or null if the id is malformed or unknown. */
export async function readOutbox(id: string): Promise<OutboxMessage | null> {
  const file = outboxMetaPath(id);
  if (!file) return null;
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const m = JSON.parse(raw) as Partial<OutboxMessage>;
  return {
    id,
    from: String(m.from ?? ""),
    to: String(m.to ?? ""),
    subject: String(m.subject ?? ""),
    sentAt: String(m.sentAt ?? ""),
    messageId: String(m.messageId ?? ""),
    text: String(m.text ?? ""),
    html: String(m.html ?? ""),
    attachments: Array.isArray(m.attachments) ? m.attachments : [],
  };
}

export type OutboxAttachmentFile = { filename: string; contentType: string; content: Buffer };

/**
 * One attachment of a kept message, as it was attached; null if the id is
 * malformed or unknown, the index is not one of its attachments, or its
 * bytes were not kept (a message kept before downloads existed).
 */
export async function readOutboxAttachment(id: string, index: number): Promise<OutboxAttachmentFile | null> {
  const file = outboxAttachmentPath(id, index);
  const message = file ? await readOutbox(id) : null;
  const meta = message?.attachments[index];
  if (!file || !meta?.stored) return null;
  try {
    return { filename: String(meta.filename), contentType: String(meta.contentType), content: await readFile(file) };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** The raw RFC 822 message as kept, or null if the id is malformed or unknown. */
export async function readOutboxRaw(id: string): Promise<Buffer | null> {
  const file = outboxRawPath(id);
  if (!file) return null;
  try {
    return await readFile(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}
