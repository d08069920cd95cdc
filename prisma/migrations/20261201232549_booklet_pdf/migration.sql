-- CreateTable
CREATE TABLE "BookletPdf" (
    "hash" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BookletPdf_pkey" PRIMARY KEY ("hash")
);


-- By hand (Prisma cannot express it): the key is a lowercase sha256 in hex, as lib/guides/booklet-key.ts makes it.
ALTER TABLE "BookletPdf" ADD CONSTRAINT "BookletPdf_hash_sha256" CHECK ("hash" ~ '^[0-9a-f]{64}$');
