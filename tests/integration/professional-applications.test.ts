// A customer's professional application, from lib/professional: the fields are
// checked (each one, dates, characters), a draft can be finished later, sending
// needs everything and a copy of the licence, there is one open application at a
// time and a sent one cannot be changed, a replaced copy is deleted, and bad input
// changes nothing. Uploads are judged by their bytes (a renamed program, a web
// page sent as an image, a mislabelled file, an oversized file are refused), and
// both places copies are kept (a folder; an S3-compatible bucket, here a small
// stand-in server) keep, return and delete them under the store's own keys.
import { mkdtempSync, readdirSync, existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFields, latestApplication, readDocument, saveApplication, storeDay } from "@/lib/professional/applications";
import { checkDocument, MAX_DOCUMENT_BYTES } from "@/lib/professional/document";
import { documentStore, FolderStore, newStorageKey, S3Store } from "@/lib/professional/storage";
import { contentDisposition } from "@/lib/http/content-disposition";
import { openApplyForm, sealApplyForm } from "@/lib/professional/apply-form";
import { openCheckoutRetry, sealCheckoutRetry } from "@/lib/checkout/retry";
import { oversizedPdf, tinyJpeg, tinyPdf, tinyPng, webPage, windowsProgram } from "../support/documents";
import { testDb } from "../support/db";

// Every copy these tests save goes to a folder of their own (read once, on first use).
const uploadDir = mkdtempSync(path.join(os.tmpdir(), "licence-uploads-"));
process.env.UPLOAD_DIR = uploadDir;
delete process.env.UPLOAD_S3_BUCKET;

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const now = new Date("2026-12-02T15:00:00Z");
const complete = {
  profession: "Aesthetician",
  licenceNumber: "AE-2041/77",
  issuingBody: "State Board of Cosmetology",
  region: "United States, Ohio",
  expiresOn: "2027-06-30",
};
const pdf = () => ({ bytes: tinyPdf(), name: "licence.pdf", type: "application/pdf" });

let emailCount = 0;
const newUser = () => prisma.user.create({ data: { email: `apply-${Date.now()}-${++emailCount}@example.com` } });
const storedFiles = () => (existsSync(path.join(uploadDir, "licences")) ? readdirSync(path.join(uploadDir, "licences")) : []);

describe("checkFields", () => {
  it("accepts a complete application and tidies the spacing", () => {
    const { fields, errors } = checkFields({ ...complete, profession: "  Dermatology   nurse " }, true, now);
    expect(errors).toEqual({});
    expect(fields.profession).toBe("Dermatology nurse");
  });

  it("a draft may leave fields empty; sending needs each one", () => {
    expect(checkFields({}, false, now).errors).toEqual({});
    const { errors } = checkFields({}, true, now);
    expect(Object.keys(errors).sort()).toEqual(["expiresOn", "issuingBody", "licenceNumber", "profession", "region"]);
    expect(errors.profession).toBe("Enter your profession.");
    expect(errors.expiresOn).toBe("Enter the date the licence expires.");
  });

  it("checks each field that is filled in, even in a draft", () => {
    const cases: [Partial<typeof complete>, keyof typeof complete, RegExp][] = [
      [{ profession: "x" }, "profession", /too short/],
      [{ profession: "p".repeat(101) }, "profession", /under 100 characters/],
      [{ licenceNumber: "12" }, "licenceNumber", /too short/],
      [{ licenceNumber: "AB<script>" }, "licenceNumber", /letters, digits/],
      [{ licenceNumber: "1".repeat(51) }, "licenceNumber", /under 50 characters/],
      [{ issuingBody: "b".repeat(151) }, "issuingBody", /under 150 characters/],
      [{ region: "r".repeat(101) }, "region", /under 100 characters/],
      [{ expiresOn: "30/06/2027" }, "expiresOn", /as a date/],
      [{ expiresOn: "2027-02-30" }, "expiresOn", /as a date/],
    ];
    for (const [raw, field, message] of cases) {
      const { errors } = checkFields(raw, false, now);
      expect(Object.keys(errors), JSON.stringify(raw)).toEqual([field]);
      expect(errors[field]).toMatch(message);
    }
  });

  it("refuses a licence that has expired (today included) and one more than 20 years away", () => {
    expect(checkFields({ expiresOn: "2026-11-30" }, false, now).errors.expiresOn).toMatch(/has expired/);
    expect(checkFields({ expiresOn: storeDay(now) }, false, now).errors.expiresOn).toMatch(/has expired/);
    expect(checkFields({ expiresOn: "2047-01-01" }, false, now).errors.expiresOn).toMatch(/more than 20 years/);
    expect(checkFields({ expiresOn: "2046-12-31" }, false, now).errors).toEqual({});
  });

  it("refuses control characters in any text field, and reads non-strings as empty", () => {
    for (const field of ["profession", "licenceNumber", "issuingBody", "region"] as const) {
      const { errors } = checkFields({ ...complete, [field]: "Nurse\u0000\u0007x" }, true, now);
      expect(Object.keys(errors)).toEqual([field]);
      expect(errors[field]).toMatch(/characters we cannot keep/);
    }
    expect(checkFields({ ...complete, profession: ["Nurse"] as unknown as string }, true, now).errors.profession).toBe("Enter your profession.");
  });
});

describe("checkDocument", () => {
  it("accepts real PDF, PNG and JPEG files by their content", async () => {
    expect(await checkDocument(tinyPdf(), { name: "licence.pdf", type: "application/pdf" })).toMatchObject({ ok: true, contentType: "application/pdf" });
    expect(await checkDocument(tinyPng(), { name: "scan.png", type: "image/png" })).toMatchObject({ ok: true, contentType: "image/png" });
    expect(await checkDocument(tinyJpeg(), { name: "photo.JPG", type: "image/jpeg" })).toMatchObject({ ok: true, contentType: "image/jpeg" });
    // A browser that sends no type, or a generic one, is judged by the bytes alone.
    expect(await checkDocument(tinyPng(), { name: "scan.png", type: "application/octet-stream" })).toMatchObject({ ok: true, contentType: "image/png" });
  });

  it("refuses a Windows program renamed .pdf, saying it is a program", async () => {
    const result = await checkDocument(windowsProgram(), { name: "licence.pdf", type: "application/pdf" });
    expect(result).toEqual({
      ok: false,
      error: "That file is a program, not a document. Upload a PDF, PNG, JPEG or WebP copy of your licence or certificate.",
    });
  });

  it("refuses a web page sent as an image", async () => {
    const result = await checkDocument(webPage(), { name: "licence.png", type: "image/png" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^That file is not a PDF or an image we accept\./);
  });

  it("refuses a PNG named .pdf, and a PDF sent as a PNG", async () => {
    const named = await checkDocument(tinyPng(), { name: "licence.pdf", type: "" });
    expect(!named.ok && named.error).toBe("That file says it is a .pdf file, but its content is a PNG. Upload the original file.");
    const typed = await checkDocument(tinyPdf(), { name: "licence", type: "image/png" });
    expect(!typed.ok && typed.error).toBe("That file says it is image/png, but its content is a PDF. Upload the original file.");
  });

  it("refuses a file over 8 MB and an empty one", async () => {
    const big = await checkDocument(oversizedPdf(), { name: "licence.pdf", type: "application/pdf" });
    expect(!big.ok && big.error).toBe("The file is larger than 8 MB. Upload a smaller scan or photo.");
    const limit = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20);
    tinyPdf().copy(limit);
    expect((await checkDocument(limit, { name: "licence.pdf", type: "application/pdf" })).ok).toBe(true);
    const empty = await checkDocument(Buffer.alloc(0), { name: "licence.pdf", type: "application/pdf" });
    expect(!empty.ok && empty.error).toMatch(/^The file is empty\./);
  });

  it("keeps a file name without its path or control characters", async () => {
    const result = await checkDocument(tinyPdf(), { name: 'C:\\Users\\me\\Lizenz "neu"\u0007.pdf', type: "application/pdf" });
    expect(result).toMatchObject({ ok: true, fileName: "Lizenz neu.pdf" });
  });
});

describe("saveApplication", () => {
  it("saves a draft with some fields, and completes and sends it later", async () => {
    const user = await newUser();
    const draft = await saveApplication(prisma, user.id, { fields: { profession: "Aesthetician" }, submit: false }, now);
    expect(draft).toMatchObject({ ok: true, submitted: false, application: { status: "DRAFT", fields: { profession: "Aesthetician", licenceNumber: "" } } });

    // Later: the draft is there, as saved.
    const later = await latestApplication(prisma, user.id);
    expect(later).toMatchObject({ status: "DRAFT", fields: { profession: "Aesthetician" }, document: null });
    expect(later!.events.map((e) => e.kind)).toEqual(["saved"]);

    const sent = await saveApplication(prisma, user.id, { fields: complete, file: pdf(), submit: true }, now);
    expect(sent).toMatchObject({ ok: true, submitted: true, application: { status: "SUBMITTED", fields: complete } });
    const saved = await latestApplication(prisma, user.id);
    expect(saved!.id).toBe(later!.id);
    expect(saved!.document).toMatchObject({ fileName: "licence.pdf", contentType: "application/pdf", sizeBytes: tinyPdf().byteLength });
    expect(saved!.events.map((e) => e.kind)).toEqual(["saved", "submitted"]);
    const doc = await readDocument(prisma, { userId: user.id }, saved!.id);
    expect(doc?.bytes.equals(tinyPdf())).toBe(true);
  });

  it("sending needs every field and a copy of the licence", async () => {
    const user = await newUser();
    const noFields = await saveApplication(prisma, user.id, { fields: {}, file: pdf(), submit: true }, now);
    expect(noFields.ok).toBe(false);
    expect(!noFields.ok && Object.keys(noFields.errors).sort()).toEqual(["expiresOn", "issuingBody", "licenceNumber", "profession", "region"]);
    const noFile = await saveApplication(prisma, user.id, { fields: complete, submit: true }, now);
    expect(!noFile.ok && noFile.errors).toEqual({ document: "Upload a copy of your licence or certificate." });
    expect(await latestApplication(prisma, user.id)).toBeNull();

    // A copy sent with the draft counts when it is sent later.
    expect((await saveApplication(prisma, user.id, { fields: {}, file: pdf(), submit: false }, now)).ok).toBe(true);
    expect(await saveApplication(prisma, user.id, { fields: complete, submit: true }, now)).toMatchObject({ ok: true, application: { status: "SUBMITTED" } });
  });

  it("keeps one open application: saving again changes it, and the database refuses a second", async () => {
    const user = await newUser();
    await saveApplication(prisma, user.id, { fields: { profession: "Nurse" }, submit: false }, now);
    await saveApplication(prisma, user.id, { fields: { profession: "Dermatology nurse" }, submit: false }, now);
    const rows = await prisma.professionalApplication.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.profession).toBe("Dermatology nurse");
    await expect(prisma.professionalApplication.create({ data: { userId: user.id } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("a sent application cannot be changed, and nothing is saved trying", async () => {
    const user = await newUser();
    await saveApplication(prisma, user.id, { fields: complete, file: pdf(), submit: true }, now);
    const before = await latestApplication(prisma, user.id);
    const files = storedFiles().length;
    const again = await saveApplication(
      prisma,
      user.id,
      { fields: { ...complete, licenceNumber: "OTHER-1" }, file: { ...pdf(), name: "new.pdf" }, submit: false },
      now,
    );
    expect(again.ok).toBe(false);
    expect(!again.ok && again.errors.form).toMatch(/waiting for our team/);
    expect(await latestApplication(prisma, user.id)).toEqual(before);
    expect(storedFiles()).toHaveLength(files);
  });

  it("after staff ask for more, the applicant can change it and send it again", async () => {
    const user = await newUser();
    const sent = await saveApplication(prisma, user.id, { fields: complete, file: pdf(), submit: true }, now);
    const id = sent.ok ? sent.application.id : "";
    await prisma.professionalApplication.update({ where: { id }, data: { status: "NEEDS_INFO", staffMessage: "The scan is cut off." } });
    const again = await saveApplication(
      prisma,
      user.id,
      { fields: complete, file: { bytes: tinyPng(), name: "full.png", type: "image/png" }, submit: true },
      now,
    );
    expect(again).toMatchObject({ ok: true, application: { id, status: "SUBMITTED", document: { fileName: "full.png" } } });
    expect(again.ok && again.application.events.at(-1)?.message).toBe("You sent the application again with the changes asked for.");
  });

  it("a replaced copy is deleted once the new one is saved", async () => {
    const user = await newUser();
    await saveApplication(prisma, user.id, { fields: {}, file: pdf(), submit: false }, now);
    const first = await prisma.licenceDocument.findFirstOrThrow({ where: { application: { userId: user.id } } });
    expect(await documentStore().get(first.storageKey)).not.toBeNull();
    await saveApplication(prisma, user.id, { fields: {}, file: { bytes: tinyJpeg(), name: "photo.jpg", type: "image/jpeg" }, submit: false }, now);
    const second = await prisma.licenceDocument.findFirstOrThrow({ where: { application: { userId: user.id } } });
    expect(second.storageKey).not.toBe(first.storageKey);
    expect(second).toMatchObject({ fileName: "photo.jpg", contentType: "image/jpeg" });
    expect(await documentStore().get(first.storageKey)).toBeNull();
    expect((await documentStore().get(second.storageKey))?.equals(tinyJpeg())).toBe(true);
  });

  it("bad input saves nothing: no application, no file, and the typed values come back", async () => {
    const user = await newUser();
    const files = storedFiles().length;
    const badDate = await saveApplication(prisma, user.id, { fields: { ...complete, expiresOn: "2020-01-01" }, file: pdf(), submit: false }, now);
    expect(badDate).toMatchObject({ ok: false, errors: { expiresOn: expect.stringMatching(/expired/) }, fields: { profession: "Aesthetician" } });
    for (const file of [
      { bytes: windowsProgram(), name: "licence.pdf", type: "application/pdf" },
      { bytes: webPage(), name: "licence.png", type: "image/png" },
      { bytes: oversizedPdf(), name: "licence.pdf", type: "application/pdf" },
      { bytes: Buffer.alloc(0), name: "licence.pdf", type: "application/pdf" },
    ]) {
      const result = await saveApplication(prisma, user.id, { fields: complete, file, submit: true }, now);
      expect(result.ok).toBe(false);
      expect(!result.ok && Object.keys(result.errors)).toEqual(["document"]);
      expect(!result.ok && result.fields).toEqual(complete);
    }
    expect(await prisma.professionalApplication.count({ where: { userId: user.id } })).toBe(0);
    expect(storedFiles()).toHaveLength(files);

    // A refused file leaves an existing draft and its copy as they were.
    await saveApplication(prisma, user.id, { fields: { profession: "Nurse" }, file: pdf(), submit: false }, now);
    const before = await latestApplication(prisma, user.id);
    const refused = await saveApplication(
      prisma,
      user.id,
      { fields: { profession: "Changed" }, file: { bytes: windowsProgram(), name: "x.pdf", type: "" }, submit: false },
      now,
    );
    expect(refused.ok).toBe(false);
    expect(await latestApplication(prisma, user.id)).toEqual(before);
  });

  it("the copy is read back only by its applicant", async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const saved = await saveApplication(prisma, owner.id, { fields: {}, file: pdf(), submit: false }, now);
    const id = saved.ok ? saved.application.id : "";
    expect(await readDocument(prisma, { userId: owner.id }, id)).toMatchObject({ contentType: "application/pdf", fileName: "licence.pdf" });
    expect(await readDocument(prisma, { userId: other.id }, id)).toBeNull();
    expect(await readDocument(prisma, { userId: owner.id }, "../../etc/passwd")).toBeNull();
  });
});

describe("FolderStore", () => {
  it("keeps, returns and deletes a copy under a store key", async () => {
    const store = new FolderStore(mkdtempSync(path.join(os.tmpdir(), "folder-store-")));
    const key = newStorageKey();
    expect(await store.get(key)).toBeNull();
    await store.put(key, tinyPng());
    expect((await store.get(key))?.equals(tinyPng())).toBe(true);
    expect(readdirSync(path.join(store.dir, "licences"))).toEqual([key.slice("licences/".length)]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key); // deleting twice is fine
  });

  it("refuses any key it did not make, before touching the disk", async () => {
    const store = new FolderStore(mkdtempSync(path.join(os.tmpdir(), "folder-store-")));
    for (const key of ["../../etc/passwd", "licences/../../x", "licences/short", `other/${"a".repeat(24)}`, `licences/${"a".repeat(23)}/`, ""]) {
      await expect(store.get(key), key).rejects.toThrow("not a document storage key");
      await expect(store.put(key, tinyPng()), key).rejects.toThrow("not a document storage key");
      await expect(store.delete(key), key).rejects.toThrow("not a document storage key");
    }
    expect(readdirSync(store.dir)).toEqual([]);
  });
});

describe("S3Store", () => {
  const objects = new Map<string, Buffer>();
  const seen: { method: string; url: string; authorization: string; contentType: string | undefined }[] = [];
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization ?? "", contentType: req.headers["content-type"] });
      const key = req.url!;
      if (!req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 ")) return res.writeHead(403).end();
      if (key.startsWith("/broken/")) return res.writeHead(500).end();
      if (req.method === "PUT") {
        objects.set(key, Buffer.concat(chunks));
        return res.writeHead(200).end();
      }
      if (req.method === "GET") {
        const body = objects.get(key);
        return body ? res.writeHead(200, { "Content-Type": "application/octet-stream" }).end(body) : res.writeHead(404).end();
      }
      if (req.method === "DELETE") {
        objects.delete(key);
        return res.writeHead(204).end();
      }
      res.writeHead(405).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("puts, gets and deletes with signed, path-style requests", async () => {
    const store = new S3Store({
      endpoint: `${endpoint}/`,
      bucket: "licences-bucket",
      region: "eu-central-1",
      accessKeyId: "AKIDTEST",
      secretAccessKey: "secret",
    });
    const key = newStorageKey();
    await store.put(key, tinyPdf(), "application/pdf");
    expect(objects.get(`/licences-bucket/${key}`)?.equals(tinyPdf())).toBe(true);
    expect((await store.get(key))?.equals(tinyPdf())).toBe(true);
    await store.delete(key);
    expect(objects.has(`/licences-bucket/${key}`)).toBe(false);
    expect(await store.get(key)).toBeNull();

    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `PUT /licences-bucket/${key}`,
      `GET /licences-bucket/${key}`,
      `DELETE /licences-bucket/${key}`,
      `GET /licences-bucket/${key}`,
    ]);
    for (const r of seen)
      expect(r.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-central-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
      );
    expect(seen[0]!.contentType).toBe("application/pdf");
  });

  it("says so when the bucket refuses, and never sends a key it did not make", async () => {
    const broken = new S3Store({ endpoint, bucket: "broken", region: "us-east-1", accessKeyId: "AKIDTEST", secretAccessKey: "secret" });
    await expect(broken.put(newStorageKey(), tinyPng(), "image/png")).rejects.toThrow("the document store answered 500 to a PUT");
    await expect(broken.get(newStorageKey())).rejects.toThrow("the document store answered 500 to a GET");
    // Tried three times in all, not ten (a customer is waiting on the upload).
    expect(seen.filter((r) => r.method === "PUT" && r.url.startsWith("/broken/"))).toHaveLength(3);
    const count = seen.length;
    await expect(broken.get("../other-bucket/x")).rejects.toThrow("not a document storage key");
    await expect(broken.delete("licences/../../x")).rejects.toThrow("not a document storage key");
    expect(seen).toHaveLength(count);
  });
});

describe("the form's way back without JavaScript", () => {
  const secret = "s".repeat(40);

  it("seals what was typed and the messages, and opens only its own cookie", () => {
    const sealed = sealApplyForm(
      { values: { profession: "Nurse", expiresOn: "2020-01-01" }, errors: { expiresOn: "This licence has expired.", form: "Nothing was saved." } },
      secret,
    );
    expect(sealed).not.toContain("Nurse");
    expect(openApplyForm(sealed, secret)).toEqual({
      values: { profession: "Nurse", expiresOn: "2020-01-01" },
      errors: { expiresOn: "This licence has expired.", form: "Nothing was saved." },
    });
    expect(openApplyForm(sealed, "another secret".padEnd(40, "x"))).toBeNull();
    expect(openApplyForm(sealed, secret, Date.now() + 11 * 60_000)).toBeNull();
    // A checkout retry cookie is not this form's, and this form's is not checkout's.
    expect(openApplyForm(sealCheckoutRetry({ values: { profession: "x" }, errors: {} }, secret), secret)).toBeNull();
    expect(openCheckoutRetry(sealed, secret)).toBeNull();
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII name and the real one in RFC 5987 encoding, and nothing can break out of the header", () => {
    expect(contentDisposition("attachment", "licence.pdf")).toBe(`attachment; filename="licence.pdf"; filename*=UTF-8''licence.pdf`);
    expect(contentDisposition("inline", "Zulassung Müller.png")).toBe(`inline; filename="Zulassung M_ller.png"; filename*=UTF-8''Zulassung%20M%C3%BCller.png`);
    const tricky = contentDisposition("attachment", "a\";\r\nSet-Cookie: x=1 (1)'.pdf");
    expect(tricky).not.toMatch(/[\r\n]/);
    expect(tricky).toBe(`attachment; filename="a____Set-Cookie: x=1 (1)'.pdf"; filename*=UTF-8''a%22%3B%0D%0ASet-Cookie%3A%20x%3D1%20%281%29%27.pdf`);
  });
});
