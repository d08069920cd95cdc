-- CreateEnum
CREATE TYPE "ProfessionalApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'NEEDS_INFO', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "acknowledgement" JSONB,
ADD COLUMN     "licenceId" TEXT,
ADD COLUMN     "reviewHeldAt" TIMESTAMP(3),
ADD COLUMN     "reviewHoldReason" TEXT;

-- CreateTable
CREATE TABLE "ProfessionalApplication" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "ProfessionalApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "profession" TEXT NOT NULL DEFAULT '',
    "licenceNumber" TEXT NOT NULL DEFAULT '',
    "issuingBody" TEXT NOT NULL DEFAULT '',
    "region" TEXT NOT NULL DEFAULT '',
    "expiresOn" DATE,
    "staffMessage" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProfessionalApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenceDocument" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LicenceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfessionalLicence" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "profession" TEXT NOT NULL,
    "licenceNumber" TEXT NOT NULL,
    "issuingBody" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "expiresOn" DATE NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedBy" TEXT NOT NULL,
    "reminderSentAt" TIMESTAMP(3),
    "expiredHandledAt" TIMESTAMP(3),

    CONSTRAINT "ProfessionalLicence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfessionalEvent" (
    "id" BIGSERIAL NOT NULL,
    "applicationId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorEmail" TEXT,
    "message" TEXT NOT NULL,

    CONSTRAINT "ProfessionalEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProfessionalApplication_status_submittedAt_idx" ON "ProfessionalApplication"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ProfessionalApplication_userId_createdAt_idx" ON "ProfessionalApplication"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LicenceDocument_applicationId_key" ON "LicenceDocument"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "LicenceDocument_storageKey_key" ON "LicenceDocument"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProfessionalLicence_applicationId_key" ON "ProfessionalLicence"("applicationId");

-- CreateIndex
CREATE INDEX "ProfessionalLicence_userId_validUntil_idx" ON "ProfessionalLicence"("userId", "validUntil");

-- CreateIndex
CREATE INDEX "ProfessionalLicence_validUntil_idx" ON "ProfessionalLicence"("validUntil");

-- CreateIndex
CREATE INDEX "ProfessionalEvent_applicationId_at_idx" ON "ProfessionalEvent"("applicationId", "at");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_licenceId_fkey" FOREIGN KEY ("licenceId") REFERENCES "ProfessionalLicence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfessionalApplication" ADD CONSTRAINT "ProfessionalApplication_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceDocument" ADD CONSTRAINT "LicenceDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ProfessionalApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfessionalLicence" ADD CONSTRAINT "ProfessionalLicence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfessionalLicence" ADD CONSTRAINT "ProfessionalLicence_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ProfessionalApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfessionalEvent" ADD CONSTRAINT "ProfessionalEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ProfessionalApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One open application per account: saving again edits it, and two tabs cannot open two.
CREATE UNIQUE INDEX "ProfessionalApplication_one_open_per_user" ON "ProfessionalApplication"("userId") WHERE "status" IN ('DRAFT', 'SUBMITTED', 'NEEDS_INFO');
