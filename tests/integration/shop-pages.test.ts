import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { goesWith } from "@/lib/catalog/goes-with";
import { deliveryEstimates, loadShippingTable } from "@/lib/shipping/table";
import { shippingMethods } from "@/prisma/seed-data/checkout";
import { testDb } from "../support/db";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

describe("the shop's pages on the seeded database", () => {
  it("read the shipping table checkout charges from, in the store's order", async () => {
    const table = await loadShippingTable(prisma);
    expect(table.map((m) => m.code)).toEqual(shippingMethods.map((m) => m.code));
    expect(table.map((m) => m.priceCents)).toEqual(shippingMethods.map((m) => m.priceCents));
    expect(deliveryEstimates(table, [1999])[0]).toMatchObject({ name: "Standard", time: "3–5 working days", price: "$5.95" });
  });

  it("suggest for every kit only cartridges that fit its pen, and for every cartridge a sharps container", async () => {
    const catalog = await loadCatalog(prisma);
    for (const kit of catalog.products.filter((p) => p.kind === "KIT")) {
      const g = goesWith(catalog, kit);
      expect(g.products.length, kit.slug).toBeGreaterThan(0);
      for (const c of g.products) {
        expect(c.kind).toBe("CARTRIDGE");
        expect(
          c.fits.map((f) => f.pen.slug),
          `${c.slug} with ${kit.slug}`,
        ).toContain(kit.penModel!.slug);
      }
    }
    for (const cartridge of catalog.products.filter((p) => p.kind === "CARTRIDGE" && p.fits.some((f) => f.pen.homeUse))) {
      const names = goesWith(catalog, cartridge).products.map((p) => p.slug);
      expect(names, cartridge.slug).toContain("home-sharps-container");
    }
  });
});
