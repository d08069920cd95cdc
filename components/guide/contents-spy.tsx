"use client";
// Marks the "On this page" link of the section being read (aria-current), so
// the contents, which stay in view beside the instructions on wide screens,
// show where the reader is. Without JavaScript the contents are plain links.
import { useEffect, useRef } from "react";

export function ContentsSpy({ ids }: { ids: string[] }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const nav = marker.current?.closest("nav");
    const sections = ids.map((id) => document.getElementById(id)).filter((s): s is HTMLElement => s !== null);
    if (!nav || sections.length === 0) return;
    const visible = new Set<string>();
    const mark = () => {
      // The first section (in page order) with any part in the reading band.
      const current = ids.find((id) => visible.has(id));
      if (!current) return;
      for (const link of nav.querySelectorAll<HTMLAnchorElement>("a[href^='#']")) {
        if (link.getAttribute("href") === `#${current}`) link.setAttribute("aria-current", "location");
        else link.removeAttribute("aria-current");
      }
    };
    // The reading band: the top 40% of the screen.
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) visible.add(e.target.id);
          else visible.delete(e.target.id);
        }
        mark();
      },
      { rootMargin: "0px 0px -60% 0px" },
    );
    for (const s of sections) observer.observe(s);
    return () => observer.disconnect();
  }, [ids]);
  return <span ref={marker} hidden />;
}
