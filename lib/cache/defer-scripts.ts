// A cached catalog page whose scripts start after its first paint
// (docs/decisions/0021).
//
// Next.js puts every script of a page in <head> as `<script async>` (and
// preloads its entry), so on a slow phone connection the ~150 kB of the
// React and Next.js runtime is downloaded beside the page's stylesheet and
// first picture, and each script runs as soon as it lands, in the middle of
// the first layout. A catalog page needs no script to be read or used: it is
// whole server-rendered HTML and its forms work without JavaScript
// (decision 0014). So the front cache sends the same page with those script
// tags taken out and one small inline script at the end of <body> that adds
// them, in their original order, once the first frame is painted. They still
// load `async`, as before, so Next.js boots exactly as it did, one frame
// later.
//
// The change is made only to HTML of the exact form Next.js writes for a
// prerendered page (no nonce: cached pages carry none); a page of any other
// shape is sent unchanged.

/** `<script src="/_next/static/…js" async=""></script>`, as React writes a page's scripts. */
const SCRIPT_TAG = /<script src="(\/_next\/static\/[A-Za-z0-9_.~/-]+\.js)" async=""><\/script>/g;
/** Next.js's low-priority preload of the page's entry script, which would start its download at once. */
const SCRIPT_PRELOAD = /<link rel="preload" as="script" fetchPriority="low" href="(\/_next\/static\/[A-Za-z0-9_.~/-]+\.js)"\/>/g;

/**
 * Adds the scripts after the first paint: `requestAnimationFrame` runs just
 * before a frame is drawn, so a callback asked for in the first frame's runs
 * in the second, and a timeout queued there runs after that frame is shown.
 * A page opened in a background tab draws no frame until it is shown; the
 * fallback timeout loads its scripts anyway. `async` is set as an attribute,
 * as React looks for it when it checks which scripts a page already has.
 */
function loader(sources: string[]): string {
  return (
    "<script>(function(s){var d=0;function go(){if(d)return;d=1;for(var i=0;i<s.length;i++){" +
    'var e=document.createElement("script");e.src=s[i];e.setAttribute("async","");document.head.appendChild(e)}}' +
    "function r(f){requestAnimationFrame(f)}if(window.requestAnimationFrame)r(function(){r(function(){setTimeout(go,0)})});setTimeout(go,2000)})(" +
    JSON.stringify(sources) +
    ")</script>"
  );
}

/** The page with its Next.js scripts started after the first paint, or the page unchanged when it is not of the form expected. */
export function deferPageScripts(html: string): string {
  const bodyEnd = html.lastIndexOf("</body>");
  if (bodyEnd < 0 || html.indexOf("</head>") < 0) return html;
  const sources: string[] = [];
  const withoutScripts = html.slice(0, bodyEnd).replace(SCRIPT_TAG, (_tag, src: string) => {
    if (!sources.includes(src)) sources.push(src);
    return "";
  });
  if (sources.length === 0) return html;
  // Only a preload of a script this page loads is dropped: the loader starts it.
  const withoutPreloads = withoutScripts.replace(SCRIPT_PRELOAD, (tag, src: string) => (sources.includes(src) ? "" : tag));
  return withoutPreloads + loader(sources) + html.slice(bodyEnd);
}
