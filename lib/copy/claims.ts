// Claims the store must never make (domain-research.md, "Claims product pages
// must avoid"): regulatory status it does not have, medical outcomes, and
// promises of comfort or safety. Used by the claims check over every piece of
// product and guide copy. Word boundaries keep "treatment area" or
// "securely" from matching "treat" or "cure".
type ForbiddenClaim = { label: string; pattern: RegExp };

const conditions = "(?:acne[\\s-]+scars?|scars?|scarring|wrinkles?|stretch[\\s-]+marks?|cellulite|acne|hair[\\s-]+loss|melasma|pigmentation|hyperpigmentation)";

const forbiddenClaims: ForbiddenClaim[] = [
  { label: "FDA approved / cleared", pattern: /\bFDA[\s-]*(?:approved|cleared|registered|certified)\b|\bapproved by the FDA\b/i },
  { label: "medical-grade", pattern: /\bmedical[\s-]+grade\b/i },
  { label: "collagen or elastin claim", pattern: /\b(?:collagen|elastin)\b/i },
  { label: "painless", pattern: /\bpain[\s-]*less\b|\bpain[\s-]+free\b|\bwithout (?:any )?pain\b/i },
  { label: "no risk", pattern: /\bno[\s-]+risks?\b|\brisk[\s-]+free\b|\bcompletely safe\b|\b100% safe\b/i },
  {
    label: "promise to treat a condition",
    pattern: new RegExp(
      `\\b(?:treats?|treating|cures?|curing|heals?|healing|removes?|removing|erases?|erasing|eliminates?|eliminating|fix(?:es)?|fading|fades?|reduces?|reducing|gets? rid of|clears?)\\s+(?:up\\s+)?(?:your\\s+|the\\s+|of\\s+|away\\s+)?${conditions}\\b`,
      "i",
    ),
  },
  { label: "condition treatment claim", pattern: new RegExp(`\\b${conditions}\\s+(?:treatment|removal|reduction|repair)\\b`, "i") },
  { label: "heals wounds", pattern: /\bheals?\s+wounds?\b|\bwound[\s-]+healing\b/i },
  { label: "cure", pattern: /\bcures?\b/i },
  {
    label: "absorption boost",
    pattern:
      /\babsorption\b|\babsorbs? (?:more|better|deeper)\b|\bdeliver\w*\s+(?:\w+\s+){0,2}deeper\b|\bdeeper penetration\b|\benhanc\w* (?:product )?(?:absorption|penetration|uptake)\b/i,
  },
  { label: "clinically proven / guaranteed", pattern: /\bclinically[\s-]+proven\b|\bguaranteed?\s+results?\b/i },
  { label: "third-party trademark", pattern: /\bderma\s?pen\b|\bskin\s?pen\b|\bdr\.?\s?pen\b/i },
];

export type CopyItem = { source: string; field: string; text: string };
export type ClaimFinding = { source: string; field: string; claim: string; phrase: string };

export function findClaims(items: CopyItem[]): ClaimFinding[] {
  const findings: ClaimFinding[] = [];
  for (const item of items) {
    for (const claim of forbiddenClaims) {
      const match = claim.pattern.exec(item.text);
      if (match) findings.push({ source: item.source, field: item.field, claim: claim.label, phrase: match[0] });
    }
  }
  return findings;
}

/** Every string inside a JSON-like value, with its path, as copy to check. */
export function copyItems(source: string, value: unknown, path = ""): CopyItem[] {
  if (typeof value === "string") return [{ source, field: path || "(text)", text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => copyItems(source, v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => copyItems(source, v, path ? `${path}.${k}` : k));
  }
  return [];
}

export function describeFindings(findings: ClaimFinding[]): string {
  return findings.map((f) => `${f.source} (${f.field}): “${f.phrase}” is a forbidden claim: ${f.claim}`).join("\n");
}
