// The magic-link email: calm, short, and the same in text and HTML.
import { escapeHtml } from "@/lib/mail/html";
import { siteName } from "@/lib/site";

export function signInEmail(url: string): { subject: string; text: string; html: string } {
  const subject = `Sign in to ${siteName}`;
  const text = [
    `Hello,`,
    ``,
    `Here is your link to sign in to ${siteName}:`,
    ``,
    url,
    ``,
    `The link works once and expires in 24 hours.`,
    ``,
    `If you did not ask to sign in, you can ignore this email. Nobody can sign in to your account without this link.`,
    ``,
    `${siteName}`,
  ].join("\n");
  const link = escapeHtml(url);
  const html = `<!doctype html>
<html lang="en"><body style="margin:0;padding:24px;background:#f7f7f5;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2a28">
<div style="max-width:480px;margin:0 auto;background:#ffffff;border:1px solid #e3e3de;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">Sign in to ${escapeHtml(siteName)}</h1>
<p style="margin:0 0 20px;line-height:1.5">Use the button below to sign in.</p>
<p style="margin:0 0 20px"><a href="${link}" style="display:inline-block;background:#2f6b63;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">Sign in</a></p>
<p style="margin:0 0 12px;line-height:1.5;font-size:14px">Or copy this address into your browser:<br><span style="word-break:break-all">${link}</span></p>
<p style="margin:0 0 12px;line-height:1.5;font-size:14px">The link works once and expires in 24 hours.</p>
<p style="margin:0;line-height:1.5;font-size:14px;color:#5b6663">If you did not ask to sign in, you can ignore this email. Nobody can sign in to your account without this link.</p>
</div>
</body></html>`;
  return { subject, text, html };
}
