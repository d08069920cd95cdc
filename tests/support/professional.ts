// A verified professional as staff approval leaves one: an approved
// application and the licence made from it, valid through `expiresOn`
// (YYYY-MM-DD, the store's time zone). For tests of what such an account may
// buy; the approval itself is tested through decideApplication and the back office.
import type { Db } from "@/lib/db";
import { validUntilOf } from "@/lib/professional/applications";

export async function licensedAccount(prisma: Db, { email, expiresOn }: { email: string; expiresOn: string }) {
  const user = await prisma.user.upsert({ where: { email }, create: { email, emailVerified: new Date() }, update: {} });
  const application = await prisma.professionalApplication.create({
    data: {
      userId: user.id,
      status: "APPROVED",
      profession: "Aesthetic nurse",
      licenceNumber: "RN-778899",
      issuingBody: "State Board of Nursing",
      region: "US, Maine",
      expiresOn: new Date(`${expiresOn}T00:00:00Z`),
      submittedAt: new Date(),
      decidedAt: new Date(),
      decidedBy: "owner@example.com",
    },
  });
  const licence = await prisma.professionalLicence.create({
    data: {
      userId: user.id,
      applicationId: application.id,
      profession: application.profession,
      licenceNumber: application.licenceNumber,
      issuingBody: application.issuingBody,
      region: application.region,
      expiresOn: application.expiresOn!,
      validUntil: validUntilOf(expiresOn),
      approvedBy: "owner@example.com",
    },
  });
  return { user, application, licence };
}
