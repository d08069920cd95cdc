// What a browser without JavaScript does, in as little code as the bench
// needs: read a page's forms the way it would submit them, keep cookies, post
// a form with the Origin header a browser sends (the store refuses a post
// without its own origin: scripts/serve.ts), and not follow redirects on its
// own, so each step can check where it was sent.
//
// The markup is the store's own (React's output), so a small tag reader is
// enough; this is not a general HTML parser.

export type FormField = { name: string; value: string; type: string; checked: boolean };
export type Form = { action: string; method: string; enctype: string; fields: FormField[]; html: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1]?.toLowerCase() === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** The attributes of one start tag, e.g. `<input type="hidden" name="a" value="b"/>`. */
export function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const body = tag.replace(/^<[a-z0-9-]+/i, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

/** Every form on a page with the fields it would submit as rendered (checked radios, selected options). */
export function formsIn(html: string): Form[] {
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)) {
    const block = m[0];
    const open = attributes(block.match(/^<form\b[^>]*>/i)![0]);
    const fields: FormField[] = [];
    for (const tag of block.matchAll(/<input\b[^>]*>/gi)) {
      const a = attributes(tag[0]);
      if (!a.name) continue;
      fields.push({ name: a.name, value: a.value ?? "", type: (a.type ?? "text").toLowerCase(), checked: "checked" in a });
    }
    for (const select of block.matchAll(/<select\b[^>]*>([\s\S]*?)<\/select>/gi)) {
      const a = attributes(select[0].match(/^<select\b[^>]*>/i)![0]);
      if (!a.name) continue;
      const options = [...select[1]!.matchAll(/<option\b[^>]*>/gi)].map((o) => attributes(o[0]));
      const chosen = options.find((o) => "selected" in o) ?? options[0];
      fields.push({ name: a.name, value: chosen?.value ?? "", type: "select", checked: true });
    }
    for (const area of block.matchAll(/<textarea\b[^>]*>([\s\S]*?)<\/textarea>/gi)) {
      const a = attributes(area[0].match(/^<textarea\b[^>]*>/i)![0]);
      if (a.name) fields.push({ name: a.name, value: decodeEntities(area[1]!), type: "textarea", checked: true });
    }
    forms.push({ action: open.action ?? "", method: (open.method ?? "get").toLowerCase(), enctype: open.enctype ?? "", fields, html: block });
  }
  return forms;
}

/** The name/value pairs a browser would send for a form: unchecked boxes and radios left out. */
export function submittedFields(form: Form): [string, string][] {
  return form.fields.filter((f) => (f.type === "checkbox" || f.type === "radio" ? f.checked : f.type !== "submit")).map((f) => [f.name, f.value]);
}

/** The hrefs of every link on a page. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*>/gi)].map((m) => attributes(m[0]).href ?? "").filter(Boolean);
}

/** A cookie jar for one origin: name=value pairs from Set-Cookie, sent back as one Cookie header. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      // An expired or emptied cookie is the server removing it.
      if (value === "" || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Per-request cap, so one stuck request cannot hold a bench loop past its end. */
const REQUEST_TIMEOUT_MS = 30_000;

/** One browser-like visitor of one store: cookies kept, redirects left to the caller. */
export class Visitor {
  readonly jar = new CookieJar();
  constructor(readonly base: string) {}

  async get(path: string): Promise<Response> {
    const response = await fetch(new URL(path, this.base), {
      redirect: "manual",
      headers: { cookie: this.jar.header(), accept: "text/html,*/*" },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    this.jar.take(response);
    return response;
  }

  /** GET that must answer 200; returns the body. */
  async page(path: string): Promise<string> {
    const response = await this.get(path);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}${location(response)}`);
    return body;
  }

  /** Posts a form as a browser would: urlencoded, or multipart when the form says so. */
  async submit(path: string, fields: [string, string][], multipart = false): Promise<Response> {
    let body: FormData | URLSearchParams;
    if (multipart) {
      body = new FormData();
      for (const [k, v] of fields) body.append(k, v);
    } else {
      body = new URLSearchParams(fields);
    }
    const response = await fetch(new URL(path, this.base), {
      method: "POST",
      redirect: "manual",
      body,
      headers: { cookie: this.jar.header(), origin: new URL(this.base).origin, accept: "text/html,*/*" },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    this.jar.take(response);
    return response;
  }
}

function location(response: Response): string {
  const to = response.headers.get("location");
  return to ? ` (to ${to})` : "";
}
