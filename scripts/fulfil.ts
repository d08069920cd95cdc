// `npm run fulfil -- <step> <order number> [options]`: move a paid order on.
//
//   npm run fulfil -- packed SP-7K4Q-9XM2
//   npm run fulfil -- shipped SP-7K4Q-9XM2 --carrier UPS --tracking 1Z999AA10123456784
//   npm run fulfil -- delivered SP-7K4Q-9XM2
//
// Uses DATABASE_URL when set; otherwise the embedded database in .data/pglite,
// which only one process may open at a time, so stop `npm start` first. The
// customer is emailed on shipped and delivered (the mail job is run here too). Prints the new status, or a
// clear error and exits 1.
//
// Each step is the back office's own (lib/admin/orders.ts), taken as
// "cli:<your user name>": it appears on the order's timeline and in the audit
// log. `shipped` ships every unit not yet shipped, in one parcel.
import { existsSync } from "node:fs";
import path from "node:path";
import { storeDataDir } from "@/lib/data-folder";
import { createDb } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs";
import { FulfilmentError, markDelivered, markPacked, markShipped, orderIdByNumber } from "@/lib/orders/fulfilment";
import { label, TransitionError } from "@/lib/orders/status";
import { carrierNames } from "@/lib/orders/tracking";
import { type EmbeddedDb, EmbeddedDbInUse, startEmbeddedDb } from "./embedded-db";

const usage = `Usage:
  npm run fulfil -- packed <order number>
  npm run fulfil -- shipped <order number> --carrier <${carrierNames.join("|")}> --tracking <number>
  npm run fulfil -- delivered <order number>`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const [step, number] = args;
  if (!step || !number || !["packed", "shipped", "delivered"].includes(step)) {
    console.error(usage);
    return 1;
  }
  let url = process.env.DATABASE_URL;
  let embedded: EmbeddedDb | null = null;
  if (!url) {
    const dataDir = path.join(storeDataDir(), "pglite");
    if (!existsSync(dataDir)) {
      console.error("There is no embedded database in .data/pglite yet: run `npm start` once, or set DATABASE_URL.");
      return 1;
    }
    try {
      embedded = await startEmbeddedDb({ dataDir });
    } catch (error) {
      if (!(error instanceof EmbeddedDbInUse)) throw error;
      console.error(`${error.message}. Stop it first, or set DATABASE_URL to the store's database server.`);
      return 1;
    }
    url = embedded.url;
    process.env.EMBEDDED_DB = "1";
  }
  const prisma = createDb(url, 1);
  try {
    const id = await orderIdByNumber(prisma, number);
    if (!id) {
      console.error(`No order numbered ${number}.`);
      return 1;
    }
    let result;
    if (step === "packed") result = await markPacked(prisma, id);
    else if (step === "delivered") result = await markDelivered(prisma, id);
    else {
      const carrier = option(args, "--carrier");
      const tracking = option(args, "--tracking");
      if (!carrier || !tracking) {
        console.error(`Shipping needs --carrier and --tracking.\n${usage}`);
        return 1;
      }
      result = await markShipped(prisma, id, { carrier, trackingNumber: tracking });
    }
    console.log(`${result.number}: ${label(result.status)}`);
    // The mail this step enqueued: sent now, so the embedded database (which
    // no server is reading while this runs) does not keep it waiting. If it
    // fails, the job stays queued and the store's worker retries it.
    if (result.jobKeys.length) {
      const sent = await runDueJobs(prisma, { dedupeKeys: result.jobKeys });
      if (sent.retried || sent.failed) console.error(`${result.number}: the ${step} email is queued; the store will retry sending it.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof TransitionError || error instanceof FulfilmentError) {
      console.error(`${number}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
