// Where uploaded licence copies are kept: never under the web root, under a
// random key, and read back only through the routes that check who is asking
// (the applicant, or staff). A folder by default (UPLOAD_DIR, or uploads/ in
// the store's data folder); an S3-compatible bucket when UPLOAD_S3_* is set,
// which every instance shares. Requests to the bucket are signed with AWS
// Signature V4 (aws4fetch).
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { config } from "@/lib/config";
import { storeDataDir } from "@/lib/data-folder";

export interface DocumentStore {
  readonly kind: "folder" | "s3";
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is kept under the key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

/** A fresh storage key: random, so it names nothing and cannot be guessed. */
export function newStorageKey(): string {
  return `licences/${randomBytes(18).toString("base64url")}`;
}

const KEY = /^licences\/[A-Za-z0-9_-]{24}$/;

function checkKey(key: string): string {
  // Keys are only ever the store's own (newStorageKey); anything else never reaches the disk or the bucket.
  if (!KEY.test(key)) throw new Error("not a document storage key");
  return key;
}

export class FolderStore implements DocumentStore {
  readonly kind = "folder" as const;
  constructor(readonly dir: string) {}
  private file(key: string) {
    return path.join(this.dir, checkKey(key));
  }
  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written whole, then moved into place: a crash never leaves half a file under the key.
    const partial = `${file}.${randomBytes(6).toString("hex")}.part`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, file);
  }
  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
  async delete(key: string): Promise<void> {
    await unlink(this.file(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
}

export class S3Store implements DocumentStore {
  readonly kind = "s3" as const;
  private client: AwsClient;
  constructor(private readonly options: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }) {
    // aws4fetch retries a 5xx or 429 ten times by default, with backoff doubling
    // from 50 ms (up to ~50 s in all): a customer's upload would hang that long
    // on a bucket that is down. Twice is enough for a blip.
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      region: options.region,
      service: "s3",
      retries: 2,
    });
  }
  private url(key: string) {
    // Path-style addressing: works with S3 itself and with S3-compatible stores (MinIO, R2, B2).
    return `${this.options.endpoint.replace(/\/+$/, "")}/${this.options.bucket}/${checkKey(key)}`;
  }
  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const response = await this.client.fetch(this.url(key), { method: "PUT", body: new Uint8Array(bytes), headers: { "Content-Type": contentType } });
    if (!response.ok) throw new Error(`the document store answered ${response.status} to a PUT`);
  }
  async get(key: string): Promise<Buffer | null> {
    const response = await this.client.fetch(this.url(key), { method: "GET" });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`the document store answered ${response.status} to a GET`);
    return Buffer.from(await response.arrayBuffer());
  }
  async delete(key: string): Promise<void> {
    const response = await this.client.fetch(this.url(key), { method: "DELETE" });
    if (!response.ok && response.status !== 404) throw new Error(`the document store answered ${response.status} to a DELETE`);
  }
}

let store: DocumentStore | null = null;

/** The configured store (lib/config.ts: uploads). */
export function documentStore(): DocumentStore {
  if (store) return store;
  const uploads = config().uploads;
  store = uploads.kind === "s3" ? new S3Store(uploads) : new FolderStore(uploads.dir ? path.resolve(uploads.dir) : path.join(storeDataDir(), "uploads"));
  return store;
}
