// The shop's own information pages, in the order the footer lists them. The
// footer, the sitemap and the tests read this one list.
export type InfoPage = { href: string; title: string };

export const infoPages: InfoPage[] = [
  { href: "/shipping", title: "Shipping and delivery" },
  { href: "/returns", title: "Returns" },
  { href: "/contact", title: "Contact us" },
  { href: "/privacy", title: "Privacy" },
  { href: "/terms", title: "Terms of sale" },
];

export function infoPageTitle(href: string): string {
  return infoPages.find((p) => p.href === href)!.title;
}
