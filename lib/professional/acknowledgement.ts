// What a buyer acknowledged at checkout, kept on the order (Order.acknowledgement):
// the exact guide versions whose "who must not use it" they confirmed having
// read, and when. Professional-only items also record the licence they were
// sold under (Order.licenceId). The back-office order page shows both.
import { z } from "zod";

export type AcknowledgedGuide = { versionId: string; guideSlug: string; guideTitle: string; number: number };
export type Acknowledgement = { confirmedAt: string; guides: AcknowledgedGuide[] };

const schema = z.object({
  confirmedAt: z.string(),
  guides: z.array(z.object({ versionId: z.string(), guideSlug: z.string(), guideTitle: z.string(), number: z.number().int() })),
});

/** The acknowledgement of these guide versions (each once, in the order met) at `at`. */
export function acknowledgementOf(guides: (AcknowledgedGuide | null | undefined)[], at: Date): Acknowledgement {
  const seen = new Map<string, AcknowledgedGuide>();
  for (const g of guides) if (g && !seen.has(g.versionId)) seen.set(g.versionId, g);
  return { confirmedAt: at.toISOString(), guides: [...seen.values()] };
}

/** An order's stored acknowledgement, or null for none (or a shape this code does not know). */
export function readAcknowledgement(value: unknown): Acknowledgement | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
