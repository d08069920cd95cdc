// A cached catalog page's scripts start after its first paint
// (lib/cache/defer-scripts.ts, docs/decisions/0021): the page is otherwise
// the same bytes, the scripts are the same, in the same order, and a page of
// a shape the transform does not know is sent as it was.
import { describe, expect, it } from "vitest";
import { deferPageScripts } from "@/lib/cache/defer-scripts";

// The shape Next.js 16 writes for a prerendered page (scripts in <head>, the entry preloaded and at the end of <body>).
const HEAD =
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
  '<link rel="preload" href="/images/products/home-complete-kit.svg" as="image" fetchPriority="high"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/2becalj4awtoh.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/main-entry.js"/>' +
  '<script src="/_next/static/chunks/react-dom.js" async=""></script>' +
  '<script src="/_next/static/chunks/next-runtime.js" async=""></script>' +
  '<script src="/_next/static/chunks/turbopack-077hmtqrhcoji.js" async=""></script>' +
  "<title>Home Complete Kit | Stillpoint</title>" +
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>';
const CONTENT =
  '<body><main id="main"><h1>Home Complete Kit</h1><form action="/cart/add" method="post"><button type="submit">Add to cart</button></form></main>';
const TAIL =
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/main-entry.js"]});</script>' +
  '<script src="/_next/static/chunks/main-entry.js" async=""></script>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"0:{}"])</script></body></html>';
const PAGE = HEAD + CONTENT + TAIL;

/** The sources the inline loader adds, read back from the page. */
function loaded(html: string): string[] {
  const m = /\(function\(s\)\{[\s\S]*?\}\)\((\[[^\]]*\])\)<\/script><\/body>/.exec(html);
  return m ? (JSON.parse(m[1]!) as string[]) : [];
}

describe("deferring a cached page's scripts", () => {
  it("takes every Next.js script out of the markup and has one inline loader add them, in order, after the first frame", () => {
    const out = deferPageScripts(PAGE);
    expect(out).not.toMatch(/<script src="\/_next\/static\/chunks\/[^"]+" async="">/);
    expect(out).not.toContain('rel="preload" as="script"');
    expect(loaded(out)).toEqual([
      "/_next/static/chunks/react-dom.js",
      "/_next/static/chunks/next-runtime.js",
      "/_next/static/chunks/turbopack-077hmtqrhcoji.js",
      "/_next/static/chunks/main-entry.js",
    ]);
    expect(out).toContain("r(function(){r(function(){setTimeout(go,0)})})");
    // The loader is the last thing in <body>, after the page's data, which the scripts read when they run.
    expect(out.indexOf("self.__next_f.push([1")).toBeLessThan(out.indexOf("(function(s){"));
    expect(out.endsWith("</script></body></html>")).toBe(true);
  });

  it("leaves everything else as it was: the content, the stylesheet, the picture's preload, the page's data, the legacy polyfills", () => {
    const out = deferPageScripts(PAGE);
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/2becalj4awtoh.css" data-precedence="next"/>',
      '<link rel="preload" href="/images/products/home-complete-kit.svg" as="image" fetchPriority="high"/>',
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
      CONTENT,
      '<script id="_R_">',
      '<script>self.__next_f.push([1,"0:{}"])</script>',
    ])
      expect(out).toContain(kept);
    // Nothing but the script tags and the preload was taken out, and nothing but the loader added.
    const withoutLoader = out.replace(/<script>\(function\(s\)[\s\S]*?<\/script>(?=<\/body>)/, "");
    const withoutTags = PAGE.replace(/<script src="\/_next\/static\/chunks\/[^"]+" async=""><\/script>|<link rel="preload" as="script"[^>]*\/>/g, "");
    expect(withoutLoader).toBe(withoutTags);
  });

  it("sends a page of any other shape unchanged", () => {
    const noScripts = "<!DOCTYPE html><html><head><title>x</title></head><body><h1>x</h1></body></html>";
    expect(deferPageScripts(noScripts)).toBe(noScripts);
    const noBody = HEAD + "<main>cut short";
    expect(deferPageScripts(noBody)).toBe(noBody);
    // A script with a nonce or from another place is not of the form written for cached pages.
    const other =
      '<html><head><script src="/_next/static/chunks/a.js" nonce="abc" async=""></script><script src="https://cdn.example/x.js" async=""></script></head><body></body></html>';
    expect(deferPageScripts(other)).toBe(other);
  });

  it("keeps a preload of a script the page does not load", () => {
    const page = HEAD.replace('href="/_next/static/chunks/main-entry.js"', 'href="/_next/static/chunks/elsewhere.js"') + CONTENT + TAIL;
    expect(deferPageScripts(page)).toContain('<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/elsewhere.js"/>');
  });

  it("writes nothing from the page into the loader but the script paths, which cannot close the inline script", () => {
    const hostile = PAGE.replace("/_next/static/chunks/react-dom.js", "/_next/static/chunks/</script><script>alert(1)</script>.js");
    const out = deferPageScripts(hostile);
    expect(loaded(out)).not.toContainEqual(expect.stringContaining("alert"));
    expect(out.match(/<script>alert/g)?.length ?? 0).toBe(hostile.match(/<script>alert/g)?.length ?? 0);
  });
});
