// What app/ calls to read and change the store's data: the lib functions that
// take a database, with the store's own database (lib/db.ts) already bound.
//
// The layout rule (docs/decisions/0010-layout-rule-and-lint.md): app/ and
// components/ never import @/lib/db or the generated Prisma client, so a page
// cannot query the database itself; ESLint enforces it. The lib functions keep
// the database as their first argument, so tests and scripts pass their own.
// A new lib entry point that app/ needs is bound here, in one line.
import "server-only";
import {
  addAddress as addAddressIn,
  deleteAddress as deleteAddressIn,
  listAddresses as listAddressesIn,
  savedPenModel as savedPenModelIn,
  savePenModel as savePenModelIn,
  signInLinkLimitReached as signInLinkLimitReachedIn,
} from "@/lib/accounts";
import { stockOverview as stockOverviewIn, variantStock as variantStockIn } from "@/lib/admin/stock";
import { addToCart as addToCartIn, loadCart as loadCartIn, setCartQuantity as setCartQuantityIn } from "@/lib/cart";
import { quoteCart as quoteCartIn, quoteCheckout as quoteCheckoutIn } from "@/lib/checkout/quote";
import { shippingChoices as shippingChoicesIn, startCheckout as startCheckoutIn } from "@/lib/checkout/start";
import { db, type Db } from "@/lib/db";
import { accountOrders as accountOrdersIn, openOrder as openOrderIn, readableOrderByConfirmationToken as byConfirmationTokenIn } from "@/lib/orders/access";
import { listOrders as adminListOrdersIn, orderDetail as adminOrderDetailIn } from "@/lib/admin/orders";
import { submitDemoPayment as submitDemoPaymentIn } from "@/lib/orders/demo-payment";
import { requestOrderLookup as requestOrderLookupIn } from "@/lib/orders/lookup";
import { reorderCartridges as reorderCartridgesIn } from "@/lib/orders/reorder";
import { handleStripeWebhook as handleStripeWebhookIn } from "@/lib/payments/stripe-webhook";
import {
  latestApplication as latestApplicationIn,
  licencesOf as licencesOfIn,
  readDocument as readDocumentIn,
  saveApplication as saveApplicationIn,
} from "@/lib/professional/applications";
import { professionalSectionsFor as professionalSectionsForIn } from "@/lib/professional/visitor";

/** `fn` with the store's database as its first argument, opened on first use. */
function withStoreDb<A extends unknown[], R>(fn: (prisma: Db, ...args: A) => R): (...args: A) => R {
  return (...args) => fn(db(), ...args);
}

// Cart and checkout
export const loadCart = withStoreDb(loadCartIn);
export const addToCart = withStoreDb(addToCartIn);
export const setCartQuantity = withStoreDb(setCartQuantityIn);
export const shippingChoices = withStoreDb(shippingChoicesIn);
export const quoteCart = withStoreDb(quoteCartIn);
export const quoteCheckout = withStoreDb(quoteCheckoutIn);
export const startCheckout = withStoreDb(startCheckoutIn);
export const submitDemoPayment = withStoreDb(submitDemoPaymentIn);
export const handleStripeWebhook = withStoreDb(handleStripeWebhookIn);

// Orders: who may read one is decided in lib/orders/access.ts
export const openOrder = withStoreDb(openOrderIn);
export const readableOrderByConfirmationToken = withStoreDb(byConfirmationTokenIn);
export const accountOrders = withStoreDb(accountOrdersIn);
export const reorderCartridges = withStoreDb(reorderCartridgesIn);
export const requestOrderLookup = withStoreDb(requestOrderLookupIn);
// The back office's order pages (each checks the staff member's capability itself).
export const adminListOrders = withStoreDb(adminListOrdersIn);
export const adminOrderDetail = withStoreDb(adminOrderDetailIn);

// Accounts
export const listAddresses = withStoreDb(listAddressesIn);
export const addAddress = withStoreDb(addAddressIn);
export const deleteAddress = withStoreDb(deleteAddressIn);
export const savedPenModel = withStoreDb(savedPenModelIn);
export const savePenModel = withStoreDb(savePenModelIn);
export const signInLinkLimitReached = withStoreDb(signInLinkLimitReachedIn);

// Professional accounts, the applicant's side (lib/professional/applications.ts checks whose is whose)
export const latestApplication = withStoreDb(latestApplicationIn);
export const licencesOf = withStoreDb(licencesOfIn);
export const saveApplication = withStoreDb(saveApplicationIn);
export const readDocument = withStoreDb(readDocumentIn);

// Back office: stock (who may read it is checked in lib/admin/stock.ts)
export const stockOverview = withStoreDb(stockOverviewIn);
export const variantStock = withStoreDb(variantStockIn);

// Professional accounts: the professional guide's sections on kit pages (lib/professional/visitor.ts)
export const professionalSectionsFor = withStoreDb(professionalSectionsForIn);
