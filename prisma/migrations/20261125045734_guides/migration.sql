-- CreateEnum
CREATE TYPE "GuideAudience" AS ENUM ('HOME', 'PROFESSIONAL');

-- CreateEnum
CREATE TYPE "GuideVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "GuideSectionKind" AS ENUM ('PREPARATION', 'NUMBING', 'PEN_SETUP', 'TECHNIQUE', 'DEPTH_GUIDE', 'AFTERCARE', 'INTERVALS', 'CONTRAINDICATIONS', 'DISPOSAL');

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "guideId" TEXT;

-- CreateTable
CREATE TABLE "Guide" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "audience" "GuideAudience" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Guide_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuideVersion" (
    "id" TEXT NOT NULL,
    "guideId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "GuideVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "changeNote" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "GuideVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuideSection" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "kind" "GuideSectionKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "content" JSONB NOT NULL,

    CONSTRAINT "GuideSection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Guide_slug_key" ON "Guide"("slug");

-- CreateIndex
CREATE INDEX "GuideVersion_guideId_status_number_idx" ON "GuideVersion"("guideId", "status", "number");

-- CreateIndex
CREATE UNIQUE INDEX "GuideVersion_guideId_number_key" ON "GuideVersion"("guideId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "GuideSection_versionId_kind_key" ON "GuideSection"("versionId", "kind");

-- CreateIndex
CREATE INDEX "Product_guideId_idx" ON "Product"("guideId");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_guideId_fkey" FOREIGN KEY ("guideId") REFERENCES "Guide"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideVersion" ADD CONSTRAINT "GuideVersion_guideId_fkey" FOREIGN KEY ("guideId") REFERENCES "Guide"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideSection" ADD CONSTRAINT "GuideSection_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "GuideVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Published guide versions are immutable: orders point at them as "the
-- instructions sold with this item", so neither the version row nor its
-- sections may change or disappear once published. Publishing itself (DRAFT
-- to PUBLISHED) is the last permitted change.
--
-- The function bodies are E'' strings with \073 for each semicolon: Prisma's
-- migration runner splits the script at every semicolon, quoted or not.
CREATE FUNCTION guide_version_is_immutable() RETURNS trigger AS E'
  BEGIN IF OLD."status" = ''PUBLISHED'' THEN RAISE EXCEPTION ''guide version % is published and cannot be changed'', OLD."id" USING ERRCODE = ''check_violation''\073
  END IF\073
  IF TG_OP = ''DELETE'' THEN RETURN OLD\073
  END IF\073
  RETURN NEW\073
  END
' LANGUAGE plpgsql;

CREATE TRIGGER "GuideVersion_immutable_once_published"
  BEFORE UPDATE OR DELETE ON "GuideVersion"
  FOR EACH ROW EXECUTE FUNCTION guide_version_is_immutable();

-- A section may not be added to, changed in, moved into or removed from a published version.
CREATE FUNCTION guide_section_is_immutable() RETURNS trigger AS E'
  BEGIN IF (TG_OP <> ''INSERT'' AND EXISTS (SELECT 1 FROM "GuideVersion" v WHERE v."id" = OLD."versionId" AND v."status" = ''PUBLISHED'')) OR (TG_OP <> ''DELETE'' AND EXISTS (SELECT 1 FROM "GuideVersion" v WHERE v."id" = NEW."versionId" AND v."status" = ''PUBLISHED'')) THEN RAISE EXCEPTION ''sections of a published guide version cannot be changed'' USING ERRCODE = ''check_violation''\073
  END IF\073
  IF TG_OP = ''DELETE'' THEN RETURN OLD\073
  END IF\073
  RETURN NEW\073
  END
' LANGUAGE plpgsql;

CREATE TRIGGER "GuideSection_immutable_once_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "GuideSection"
  FOR EACH ROW EXECUTE FUNCTION guide_section_is_immutable();

ALTER TABLE "GuideVersion" ADD CONSTRAINT "GuideVersion_number_positive" CHECK ("number" > 0);
ALTER TABLE "GuideVersion" ADD CONSTRAINT "GuideVersion_published_has_date"
  CHECK (("status" = 'PUBLISHED') = ("publishedAt" IS NOT NULL));
