// `npm run check:claims`: scans the copy in the database the store is using
// (DATABASE_URL) for claims it must not make; exits 1 naming each one.
import { createDb } from "../lib/db";
import { describeFindings } from "../lib/copy/claims";
import { scanStoreCopy } from "../lib/copy/scan";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the store's database.");
  process.exit(2);
}
const prisma = createDb(url, 2);
const findings = await scanStoreCopy(prisma);
await prisma.$disconnect();
if (findings.length) {
  console.error(describeFindings(findings));
  process.exit(1);
}
console.log("No forbidden claims found.");
