// The needle-depth diagram draws the guide's own figures: change the depth
// table and the picture changes with it, on the page and in the booklet PDF.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DepthDiagramFigure } from "@/components/guide/depth-diagram";
import { BOOKLET_LAYOUT_VERSION } from "@/lib/guides/booklet-key";
import { renderBookletPdf } from "@/lib/guides/booklet-pdf";
import type { DepthGuide } from "@/lib/guides/content";
import { depthDiagram, describeDepthDiagram } from "@/lib/guides/depth-diagram";
import type { Instructions } from "@/lib/guides/instructions";
import { siteName } from "@/lib/site";
import { guides } from "@/prisma/seed-data/guides";
import { pdfText } from "../support/pdf-text";

const home = guides.find((g) => g.slug === "home-microneedling-guide")!.content.DEPTH_GUIDE;

describe("the depth diagram's figures", () => {
  it("come from the guide: its home caps, each area's home range and its professional range", () => {
    const d = depthDiagram(home);
    expect([d.beginnerMaxMm, d.homeFaceMaxMm]).toEqual([home.beginnerMaxMm, home.homeFaceMaxMm]);
    const by = new Map(d.areas.map((a) => [a.slug, a]));
    expect(by.get("forehead")).toMatchObject({ label: "Forehead", home: { minMm: 0.25, maxMm: 0.5 }, professional: { minMm: 0.5, maxMm: 2 } });
    expect(by.get("around-eyes")).toMatchObject({ label: "Around the eyes", home: { minMm: 0.25, maxMm: 0.25 } });
    expect(by.get("body")).toMatchObject({ home: null, professional: { minMm: 1.5, maxMm: 2 } });
    for (const a of d.areas) if (a.home) expect(a.home.maxMm, a.slug).toBeLessThanOrEqual(a.thinSkin ? home.beginnerMaxMm : home.homeFaceMaxMm);
    expect(d.scaleMaxMm).toBe(2);
  });

  it("follow a changed table: a lower home cap, a deeper published range", () => {
    const edited: DepthGuide = {
      ...home,
      homeFaceMaxMm: 0.4,
      entries: home.entries.map((e) => (e.area === "cheeks" && e.concern === "texture" ? { ...e, professionalReferenceMm: "0.5–2.5" } : e)),
    };
    const d = depthDiagram(edited);
    expect(d.homeFaceMaxMm).toBe(0.4);
    expect(d.areas.find((a) => a.slug === "forehead")!.home!.maxMm).toBe(0.4);
    expect(d.areas.find((a) => a.slug === "cheeks")!.professional!.maxMm).toBe(2.5);
    expect(d.scaleMaxMm).toBe(2.5);
    const html = renderToStaticMarkup(createElement(DepthDiagramFigure, { diagram: d }));
    expect(html).toContain("0.4 mm home limit");
    expect(html).toContain('data-professional="0.5-2.5"');
    expect(describeDepthDiagram(d)).toContain("no area goes deeper than 0.4 mm");
  });

  it("are drawn on the page with a text alternative: a bar per area and the marks", () => {
    const d = depthDiagram(home);
    const html = renderToStaticMarkup(createElement(DepthDiagramFigure, { diagram: d }));
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-describedby="depth-diagram-desc"/);
    expect(html).toContain(`${home.beginnerMaxMm} mm start`);
    expect(html).toContain(`${home.homeFaceMaxMm} mm home limit`);
    expect((html.match(/data-area="/g) ?? []).length).toBe(d.areas.length);
    expect((html.match(/data-home="/g) ?? []).length).toBe(d.areas.filter((a) => a.home).length);
    expect(html).toContain("Professional range, for information only");
    expect(html).toContain('id="depth-diagram-desc"');
    expect(html).toContain(describeDepthDiagram(d));
  });
});

describe("the booklet PDF", () => {
  const doc: Instructions = {
    title: "Home Starter Kit",
    guideTitle: "Home microneedling guide",
    versionLabel: "Home microneedling guide, version 3, published 1 March 2026",
    sections: [
      { id: "how-to-use", title: "How to use it, step by step", blocks: [{ type: "p", text: "Cleanse your skin first." }] },
      { id: "depth-guide", title: "Needle depth guide", blocks: [{ type: "p", text: "Depth table follows." }], diagram: depthDiagram(home) },
    ],
  };

  it("opens with a cover: store, product, guide and version, and what is inside, but no instructions yet", async () => {
    const { pages, pageTexts } = await pdfText(new Uint8Array(await renderBookletPdf(doc, "Stillpoint · version 3")));
    expect(pages).toBeGreaterThanOrEqual(2);
    const cover = pageTexts[0]!;
    for (const text of [
      siteName,
      "Home Starter Kit",
      "Instructions for use",
      "Home microneedling guide",
      "version 3, published 1 March 2026",
      "In this booklet",
    ])
      expect(cover, text).toContain(text);
    expect(cover).not.toContain("Cleanse your skin first.");
    expect(pageTexts[1]).toContain("Cleanse your skin first.");
  });

  it("draws the depth diagram in the depth guide, from the same figures", async () => {
    const { text } = await pdfText(new Uint8Array(await renderBookletPdf(doc, "Stillpoint · version 3")));
    expect(text).toContain(`${home.homeFaceMaxMm} mm home limit`);
    expect(text).toContain(`${home.beginnerMaxMm} mm start`);
    expect(text).toContain("Professional range, for information only");
    expect(text).toContain("Around the eyes");
    const withoutDiagram = await pdfText(new Uint8Array(await renderBookletPdf({ ...doc, sections: doc.sections.map(({ diagram: _, ...s }) => s) }, "x")));
    expect(withoutDiagram.text).not.toContain("home limit");
  });

  it("is named by a key that changed with this layout, so no booklet drawn before the cover is served", () => {
    expect(BOOKLET_LAYOUT_VERSION).toBeGreaterThanOrEqual(2);
  });
});
