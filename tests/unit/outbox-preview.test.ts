// The demo outbox's preview of a kept mail: the frame's sandbox, the base that
// sends links to a new tab, the links listed beside the frame, and the headers
// an attachment is downloaded with.
import { describe, expect, it } from "vitest";
import { attachmentDisposition, messageLinks, PREVIEW_SANDBOX, previewHtml, safeContentType } from "@/lib/mail/outbox-preview";
import { signInEmail } from "@/lib/mail/templates/sign-in";

describe("the outbox preview frame", () => {
  it("lets links open in a tab of their own, and nothing else: no scripts, no same origin, no top navigation, no forms", () => {
    const flags = PREVIEW_SANDBOX.split(/\s+/);
    expect(flags.sort()).toEqual(["allow-popups", "allow-popups-to-escape-sandbox"]);
  });

  it("puts <base target=_blank> first in the mail's head, so every link without a target opens a new tab", () => {
    expect(previewHtml('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><a href="https://a.example/">a</a></body></html>')).toBe(
      '<!DOCTYPE html><html lang="en"><head><base target="_blank"><title>x</title></head><body><a href="https://a.example/">a</a></body></html>',
    );
    expect(previewHtml("<html><body>x</body></html>")).toBe('<html><base target="_blank"><body>x</body></html>');
    expect(previewHtml("<p>x</p>")).toBe('<base target="_blank"><p>x</p>');
    // <header> is not <head>.
    expect(previewHtml("<header>x</header>")).toBe('<base target="_blank"><header>x</header>');
  });

  it("works on the store's real sign-in mail", async () => {
    const mail = await signInEmail("http://127.0.0.1:3000/api/auth/callback/nodemailer?token=abc&email=a%40example.com");
    const html = previewHtml(mail.html);
    expect(html).toMatch(/<head[^>]*><base target="_blank">/);
    expect(messageLinks(mail.html).map((l) => l.href)).toContain("http://127.0.0.1:3000/api/auth/callback/nodemailer?token=abc&email=a%40example.com");
  });
});

describe("the links listed beside the frame", () => {
  it("are the mail's http(s) links, each address once with its first text, entities decoded", () => {
    const html = [
      '<a href="https://shop.example/orders/t?a=1&amp;b=2" style="x" target="_blank">View your <strong>order</strong></a>',
      "<a href='https://shop.example/orders/t?a=1&amp;b=2'>https://shop.example/orders/t?a=1&amp;b=2</a>",
      '<a href="javascript:alert(1)">bad</a>',
      '<a href="mailto:help@shop.example">mail</a>',
      '<a href="/relative">relative</a>',
      "<a name=top>no href</a>",
      '<A HREF="https://shop.example/products/gentle-cleanser">Gentle &amp; Kind</A>',
      '<a href="https://shop.example/"></a>',
    ].join("\n");
    expect(messageLinks(html)).toEqual([
      { href: "https://shop.example/orders/t?a=1&b=2", text: "View your order" },
      { href: "https://shop.example/products/gentle-cleanser", text: "Gentle & Kind" },
      { href: "https://shop.example/", text: "https://shop.example/" },
    ]);
  });
});

describe("an attachment's download headers", () => {
  it("names the file safely, with the real name in filename*", () => {
    expect(attachmentDisposition("home-starter-kit-instructions.pdf")).toBe(
      `attachment; filename="home-starter-kit-instructions.pdf"; filename*=UTF-8''home-starter-kit-instructions.pdf`,
    );
    const tricky = attachmentDisposition('../../etc/"passwd"\r\nX-Evil: 1 é.pdf');
    expect(tricky).not.toMatch(/[\r\n]/);
    expect(tricky).toMatch(/^attachment; filename="[A-Za-z0-9._ ()-]+"; filename\*=UTF-8''[A-Za-z0-9._~!%-]+$/);
    expect(tricky).not.toContain("/");
    expect(attachmentDisposition("")).toBe(`attachment; filename="attachment"; filename*=UTF-8''attachment`);
  });

  it("keeps a well-formed content type and turns anything else into a byte stream", () => {
    expect(safeContentType("application/pdf")).toBe("application/pdf");
    expect(safeContentType("Text/Calendar; charset=utf-8")).toBe("text/calendar");
    expect(safeContentType("application/pdf\r\nX-Evil: 1")).toBe("application/octet-stream");
    expect(safeContentType("")).toBe("application/octet-stream");
  });
});
