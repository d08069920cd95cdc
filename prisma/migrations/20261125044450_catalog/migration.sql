-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('KIT', 'CARTRIDGE', 'AFTERCARE', 'ACCESSORY');

-- CreateEnum
CREATE TYPE "NeedleGeometry" AS ENUM ('ROUND', 'SQUARE', 'NANO', 'MIXED');

-- CreateEnum
CREATE TYPE "Sterilization" AS ENUM ('ETHYLENE_OXIDE', 'GAMMA', 'NONE');

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "ProductKind" NOT NULL,
    "name" TEXT NOT NULL,
    "tagline" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "imagePath" TEXT NOT NULL,
    "penModelId" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Variant" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "priceCents" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "stock" INTEGER NOT NULL,
    "packSize" INTEGER NOT NULL,
    "packUnit" TEXT NOT NULL,
    "pinCount" INTEGER,
    "needleGeometry" "NeedleGeometry",
    "needleMaterial" TEXT,
    "sterilization" "Sterilization",
    "maxDepthMm" DOUBLE PRECISION,
    "homeUse" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Variant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KitItem" (
    "id" TEXT NOT NULL,
    "kitId" TEXT NOT NULL,
    "variantId" TEXT,
    "penModelId" TEXT,
    "label" TEXT,
    "quantity" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "KitItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PenModel" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "maxDepthMm" DOUBLE PRECISION NOT NULL,
    "homeUse" BOOLEAN NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "PenModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartridgeFit" (
    "productId" TEXT NOT NULL,
    "penModelId" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CartridgeFit_pkey" PRIMARY KEY ("productId","penModelId")
);

-- CreateTable
CREATE TABLE "Concern" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentArea" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "TreatmentArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ProductToTreatmentArea" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ProductToTreatmentArea_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ConcernToProduct" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ConcernToProduct_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");

-- CreateIndex
CREATE INDEX "Product_kind_idx" ON "Product"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Variant_sku_key" ON "Variant"("sku");

-- CreateIndex
CREATE INDEX "Variant_productId_idx" ON "Variant"("productId");

-- CreateIndex
CREATE INDEX "KitItem_kitId_idx" ON "KitItem"("kitId");

-- CreateIndex
CREATE UNIQUE INDEX "PenModel_slug_key" ON "PenModel"("slug");

-- CreateIndex
CREATE INDEX "CartridgeFit_penModelId_idx" ON "CartridgeFit"("penModelId");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_slug_key" ON "Concern"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentArea_slug_key" ON "TreatmentArea"("slug");

-- CreateIndex
CREATE INDEX "_ProductToTreatmentArea_B_index" ON "_ProductToTreatmentArea"("B");

-- CreateIndex
CREATE INDEX "_ConcernToProduct_B_index" ON "_ConcernToProduct"("B");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_penModelId_fkey" FOREIGN KEY ("penModelId") REFERENCES "PenModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Variant" ADD CONSTRAINT "Variant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KitItem" ADD CONSTRAINT "KitItem_kitId_fkey" FOREIGN KEY ("kitId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KitItem" ADD CONSTRAINT "KitItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KitItem" ADD CONSTRAINT "KitItem_penModelId_fkey" FOREIGN KEY ("penModelId") REFERENCES "PenModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartridgeFit" ADD CONSTRAINT "CartridgeFit_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartridgeFit" ADD CONSTRAINT "CartridgeFit_penModelId_fkey" FOREIGN KEY ("penModelId") REFERENCES "PenModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProductToTreatmentArea" ADD CONSTRAINT "_ProductToTreatmentArea_A_fkey" FOREIGN KEY ("A") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ProductToTreatmentArea" ADD CONSTRAINT "_ProductToTreatmentArea_B_fkey" FOREIGN KEY ("B") REFERENCES "TreatmentArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ConcernToProduct" ADD CONSTRAINT "_ConcernToProduct_A_fkey" FOREIGN KEY ("A") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ConcernToProduct" ADD CONSTRAINT "_ConcernToProduct_B_fkey" FOREIGN KEY ("B") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Rules the database keeps even if code forgets them (not expressible in schema.prisma).
ALTER TABLE "Variant" ADD CONSTRAINT "Variant_priceCents_nonnegative" CHECK ("priceCents" >= 0);
ALTER TABLE "Variant" ADD CONSTRAINT "Variant_stock_nonnegative" CHECK ("stock" >= 0);
ALTER TABLE "Variant" ADD CONSTRAINT "Variant_packSize_positive" CHECK ("packSize" > 0);
ALTER TABLE "KitItem" ADD CONSTRAINT "KitItem_quantity_positive" CHECK ("quantity" > 0);
