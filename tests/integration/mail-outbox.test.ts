// The mail layer's two modes, without a database: the outbox in a temp
// folder, and the SMTP client against a tiny local SMTP stand-in.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isOutboxId, listOutbox, mailMode, outboxRawPath, readOutbox, readOutboxAttachment, readOutboxRaw, sendMail } from "@/lib/mail";

const saved = { OUTBOX_DIR: process.env.OUTBOX_DIR, SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "stillpoint-outbox-"));
  process.env.OUTBOX_DIR = dir;
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await rm(dir, { recursive: true, force: true });
});

const attachment = { filename: "kit-instructions.pdf", content: Buffer.from("%PDF-1.4 a stand-in booklet"), contentType: "application/pdf" };

describe("the local outbox", () => {
  it("is the mode when no SMTP_URL is set", () => {
    expect(mailMode()).toBe("outbox");
  });

  it("keeps a real multipart message with its attachment, and its metadata", async () => {
    const { id } = await sendMail({
      to: "ada@example.com",
      subject: "Your Stillpoint order SP-TEST-0001",
      text: "Thank you for your order.",
      html: "<p>Thank you for your <strong>order</strong>.</p>",
      attachments: [attachment],
    });
    expect(isOutboxId(id)).toBe(true);
    const file = outboxRawPath(id)!;
    expect(path.dirname(file)).toBe(dir);
    const eml = await readFile(file, "utf8");
    expect(eml).toMatch(/^Subject: Your Stillpoint order SP-TEST-0001$/m);
    expect(eml).toMatch(/^From: Stillpoint <orders@localhost>$/m);
    expect(eml).toMatch(/^To: ada@example\.com$/m);
    expect(eml).toMatch(/^Content-Type: multipart\/mixed;\s+boundary=/m);
    expect(eml).toMatch(/^Content-Type: multipart\/alternative;\s+boundary=/m);
    expect(eml).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(eml).toMatch(/^Content-Type: text\/html; charset=utf-8$/m);
    expect(eml).toMatch(/^Content-Type: application\/pdf; name=kit-instructions\.pdf$/m);
    expect(eml).toMatch(/^Content-Disposition: attachment; filename=kit-instructions\.pdf$/m);
    expect(eml).toContain(attachment.content.toString("base64"));
    expect(eml).not.toContain("\r\n");
    expect((await readOutboxRaw(id))?.toString("utf8")).toBe(eml);

    const meta = JSON.parse(await readFile(path.join(dir, `${id}.json`), "utf8"));
    expect(meta).toMatchObject({
      id,
      to: "ada@example.com",
      subject: "Your Stillpoint order SP-TEST-0001",
      text: "Thank you for your order.",
      html: "<p>Thank you for your <strong>order</strong>.</p>",
      attachments: [{ filename: "kit-instructions.pdf", contentType: "application/pdf", size: attachment.content.length }],
    });
    expect(new Date(meta.sentAt).toISOString()).toBe(meta.sentAt);
  });

  it("lists kept messages newest first and reads each back", async () => {
    const first = await sendMail({ to: "one@example.com", subject: "First", text: "1", html: "<p>1</p>" });
    const second = await sendMail({ to: "two@example.com", subject: "Second", text: "2", html: "<p>2</p>", attachments: [attachment, attachment] });
    const list = await listOutbox();
    expect(list.slice(0, 2).map((m) => m.id)).toEqual([second.id, first.id]);
    expect(list.map((m) => m.subject)).toEqual(["Second", "First", "Your Stillpoint order SP-TEST-0001"]);
    expect(list[0]).toMatchObject({ to: "two@example.com", attachmentCount: 2 });
    expect(list[1]).toMatchObject({ to: "one@example.com", attachmentCount: 0 });
    expect(list[0]!.sentAt >= list[1]!.sentAt).toBe(true);

    const read = await readOutbox(second.id);
    expect(read).toMatchObject({ id: second.id, to: "two@example.com", subject: "Second", text: "2", html: "<p>2</p>" });
    expect(read!.attachments).toHaveLength(2);
  });

  it("keeps each attachment's bytes for download, and answers only for one of the message's attachments", async () => {
    const ics = { filename: "aftercare.ics", content: Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), contentType: "text/calendar" };
    const { id } = await sendMail({ to: "ada@example.com", subject: "Two files", text: "t", html: "<p>t</p>", attachments: [attachment, ics] });
    expect((await readOutbox(id))!.attachments).toEqual([
      { filename: "kit-instructions.pdf", contentType: "application/pdf", size: attachment.content.length, stored: true },
      { filename: "aftercare.ics", contentType: "text/calendar", size: ics.content.length, stored: true },
    ]);
    expect(await readOutboxAttachment(id, 0)).toEqual({ filename: "kit-instructions.pdf", contentType: "application/pdf", content: attachment.content });
    expect(await readOutboxAttachment(id, 1)).toEqual({ filename: "aftercare.ics", contentType: "text/calendar", content: ics.content });
    for (const index of [2, -1, 1.5, Number.NaN, 1e21]) expect(await readOutboxAttachment(id, index)).toBeNull();
    expect(await readOutboxAttachment("2026-01-01T00-00-00-000Z-00000000", 0)).toBeNull();
    expect(await readOutboxAttachment(`../${id}`, 0)).toBeNull();
    const none = await sendMail({ to: "ada@example.com", subject: "No files", text: "t", html: "<p>t</p>" });
    expect(await readOutboxAttachment(none.id, 0)).toBeNull();
  });

  it("offers no download for a message kept before attachments were kept beside it", async () => {
    const { id } = await sendMail({ to: "ada@example.com", subject: "Old", text: "t", html: "<p>t</p>", attachments: [attachment] });
    const file = path.join(dir, `${id}.json`);
    const meta = JSON.parse(await readFile(file, "utf8"));
    meta.attachments = [{ filename: attachment.filename, contentType: attachment.contentType, size: attachment.content.length }];
    await writeFile(file, JSON.stringify(meta));
    expect(await readOutboxAttachment(id, 0)).toBeNull();
  });

  it("refuses ids that are not outbox ids, so no path leaves the outbox", async () => {
    const [kept] = await listOutbox();
    for (const id of [
      "../etc/passwd",
      "..",
      "",
      "/etc/passwd",
      `${kept!.id}/../../x`,
      `../${kept!.id}`,
      `${kept!.id}.json`,
      "..%2Fetc%2Fpasswd",
      `${kept!.id}\n`,
    ]) {
      expect(isOutboxId(id)).toBe(false);
      expect(outboxRawPath(id)).toBeNull();
      expect(await readOutbox(id)).toBeNull();
      expect(await readOutboxRaw(id)).toBeNull();
    }
    // Well formed but never sent.
    expect(await readOutbox("2026-01-01T00-00-00-000Z-00000000")).toBeNull();
  });

  it("treats an outbox folder that does not exist yet as empty", async () => {
    process.env.OUTBOX_DIR = path.join(dir, "not-yet");
    try {
      expect(await listOutbox()).toEqual([]);
    } finally {
      process.env.OUTBOX_DIR = dir;
    }
  });
});

/**
 * Just enough of an SMTP server (RFC 5321, no TLS, no auth) to receive one
 * message the way a real relay would and hand it to the test.
 */
function smtpStandIn(): Promise<{ server: Server; port: number; received: { from: string; to: string[]; data: string }[] }> {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    let mail = { from: "", to: [] as string[], data: "" };
    socket.write("220 stand-in ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          mail.data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(mail);
          mail = { from: "", to: [], data: "" };
          socket.write("250 2.0.0 queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") {
          socket.write("250-stand-in\r\n250 8BITMIME\r\n");
        } else if (verb === "MAIL") {
          mail.from = line;
          socket.write("250 2.1.0 ok\r\n");
        } else if (verb === "RCPT") {
          mail.to.push(line);
          socket.write("250 2.1.5 ok\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
        } else if (verb === "RSET" || verb === "NOOP") {
          socket.write("250 ok\r\n");
        } else {
          socket.write("502 not implemented\r\n");
        }
      }
    });
    socket.on("error", () => {});
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port, received })));
}

describe("the SMTP mode", () => {
  it("sends the same message through the SMTP server named by SMTP_URL, and keeps nothing locally", async () => {
    const { server, port, received } = await smtpStandIn();
    const before = (await listOutbox()).length;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.MAIL_FROM = "Stillpoint Orders <orders@shop.example>";
    try {
      expect(mailMode()).toBe("smtp");
      const { id } = await sendMail({
        to: "ada@example.com",
        subject: "Your Stillpoint order SP-SMTP-0001",
        text: "Thanks.",
        html: "<p>Thanks.</p>",
        attachments: [attachment],
      });
      expect(id).toMatch(/@/);
      expect(received).toHaveLength(1);
      const [mail] = received;
      expect(mail!.from).toContain("<orders@shop.example>");
      expect(mail!.to).toEqual(["RCPT TO:<ada@example.com>"]);
      expect(mail!.data).toMatch(/^Subject: Your Stillpoint order SP-SMTP-0001\r$/m);
      expect(mail!.data).toMatch(/^Content-Type: multipart\/mixed;\s+boundary=/m);
      expect(mail!.data).toContain(attachment.content.toString("base64"));
      expect(mail!.data).toContain(id);
    } finally {
      delete process.env.SMTP_URL;
      delete process.env.MAIL_FROM;
      await new Promise((resolve) => server.close(resolve));
    }
    expect(mailMode()).toBe("outbox");
    expect((await listOutbox()).length).toBe(before);
    expect(existsSync(dir)).toBe(true);
  });
});
