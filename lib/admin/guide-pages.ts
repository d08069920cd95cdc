// What the /admin/guides pages read, with the store's database bound (the
// layout rule: app/ never imports lib/db, see lib/data.ts). Each function
// still checks the actor's capability itself.
import "server-only";
import { db } from "@/lib/db";
import { draftDiff as draftDiffIn, guideDetail as guideDetailIn, guidesOverview as guidesOverviewIn, ordersWithVersion as ordersWithVersionIn } from "./guides";
import type { Actor } from "./roles";

export const guidesOverview = (actor: Actor) => guidesOverviewIn(db(), actor);
export const guideDetail = (actor: Actor, slug: string) => guideDetailIn(db(), actor, slug);
export const draftDiff = (actor: Actor, slug: string) => draftDiffIn(db(), actor, slug);
export const ordersWithVersion = (actor: Actor, versionId: string, page: number) => ordersWithVersionIn(db(), actor, versionId, page);
