// A small local stand-in for the parts of Stripe's API the store uses, so
// integration tests run without a network or an account. It speaks what
// stripe-node speaks (form-encoded bodies with bracket keys, JSON answers,
// Stripe-shaped errors), keeps state (sessions, payment intents, coupons,
// refunds), replays a repeated Idempotency-Key like Stripe does (and refuses
// one reused with different parameters), and records every request so tests
// can assert on exactly what the store sent.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

// Stripe's objects are plain JSON here, hence `any`.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Recorded = {
  method: string;
  path: string;
  params: Record<string, any>;
  idempotencyKey: string | null;
  status: number;
  replayed: boolean;
};

export type StripeStandIn = {
  url: string;
  requests: Recorded[];
  sessions: Map<string, any>;
  paymentIntents: Map<string, any>;
  coupons: Map<string, any>;
  refunds: Map<string, any>;
  stop(): Promise<void>;
};

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly param?: string,
    readonly type = "invalid_request_error",
  ) {
    super(message);
  }
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `a[b][0][c]=v` pairs into nested objects; objects keyed 0..n-1 become arrays. */
export function parseForm(body: string): Record<string, any> {
  const root: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const head = key.split("[", 1)[0]!;
    const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
    const path = [head, ...rest];
    let node = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = node[part] ??= {};
    });
  }
  const arrays = (value: any): any => {
    if (value === null || typeof value !== "object") return value;
    const keys = Object.keys(value);
    const out: Record<string, any> = {};
    for (const k of keys) out[k] = arrays(value[k]);
    const isList = keys.length > 0 && keys.every((k, i) => k === String(i));
    return isList ? keys.map((k) => out[k]) : out;
  };
  return arrays(root);
}

function int(value: unknown, param: string, min = 0): number {
  const n = Number(value);
  if (typeof value !== "string" || !/^-?\d+$/.test(value) || n < min)
    throw new ApiError(400, `Invalid integer: ${String(value)}`, "parameter_invalid_integer", param);
  return n;
}

function required<T>(value: T | undefined, param: string): T {
  if (value === undefined || value === "") throw new ApiError(400, `Missing required param: ${param}.`, "parameter_missing", param);
  return value;
}

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const requests: Recorded[] = [];
  const sessions = new Map<string, any>();
  const paymentIntents = new Map<string, any>();
  const coupons = new Map<string, any>();
  const refunds = new Map<string, any>();
  const idempotent = new Map<string, { method: string; path: string; body: string; status: number; response: string }>();

  function createCoupon(p: Record<string, any>) {
    const amountOff = int(required(p.amount_off, "amount_off"), "amount_off", 1);
    const coupon = {
      id: id("coupon").slice(0, 20),
      object: "coupon",
      amount_off: amountOff,
      currency: required(p.currency, "currency"),
      duration: p.duration ?? "once",
      max_redemptions: p.max_redemptions === undefined ? null : Number(p.max_redemptions),
      name: p.name ?? null,
      metadata: p.metadata ?? {},
      valid: true,
    };
    coupons.set(coupon.id, coupon);
    return coupon;
  }

  function createSession(p: Record<string, any>) {
    if (p.mode !== "payment") throw new ApiError(400, "This stand-in supports mode=payment only.", "parameter_invalid", "mode");
    const lines: any[] = required(p.line_items, "line_items");
    if (!Array.isArray(lines) || lines.length === 0) throw new ApiError(400, "line_items must be a non-empty list.", "parameter_invalid", "line_items");
    let currency: string | undefined;
    let subtotal = 0;
    lines.forEach((line, i) => {
      const pd = required(line.price_data, `line_items[${i}][price_data]`);
      const c = required(pd.currency, `line_items[${i}][price_data][currency]`);
      if (c !== c.toLowerCase()) throw new ApiError(400, `Invalid currency: ${c}`, "parameter_invalid", `line_items[${i}][price_data][currency]`);
      if (currency && c !== currency)
        throw new ApiError(400, "All line items must share one currency.", "parameter_invalid", `line_items[${i}][price_data][currency]`);
      currency = c;
      required(pd.product_data?.name, `line_items[${i}][price_data][product_data][name]`);
      subtotal += int(pd.unit_amount, `line_items[${i}][price_data][unit_amount]`) * int(line.quantity, `line_items[${i}][quantity]`, 1);
    });
    let discount = 0;
    for (const d of p.discounts ?? []) {
      const coupon = coupons.get(d.coupon);
      if (!coupon) throw new ApiError(400, `No such coupon: '${d.coupon}'`, "resource_missing", "discounts");
      if (coupon.currency !== currency) throw new ApiError(400, "The coupon's currency does not match the session's.", "parameter_invalid", "discounts");
      discount += coupon.amount_off;
    }
    discount = Math.min(discount, subtotal);
    let shipping = 0;
    for (const [i, option] of (p.shipping_options ?? []).entries()) {
      const rate = required(option.shipping_rate_data, `shipping_options[${i}][shipping_rate_data]`);
      required(rate.display_name, `shipping_options[${i}][shipping_rate_data][display_name]`);
      // Checkout preselects the first option.
      if (i === 0) shipping = int(rate.fixed_amount?.amount, `shipping_options[${i}][shipping_rate_data][fixed_amount][amount]`);
    }
    const now = nowSeconds();
    const expiresAt = p.expires_at === undefined ? now + 86_400 : int(p.expires_at, "expires_at");
    if (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 60 * 60) {
      throw new ApiError(
        400,
        "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
        "parameter_invalid",
        "expires_at",
      );
    }
    const amountTotal = subtotal - discount + shipping;
    const sessionId = `cs_test_${randomBytes(16).toString("hex")}`;
    const pi = {
      id: id("pi_test"),
      object: "payment_intent",
      amount: amountTotal,
      currency,
      metadata: p.payment_intent_data?.metadata ?? {},
      status: "requires_payment_method",
      amount_refunded: 0,
    };
    paymentIntents.set(pi.id, pi);
    const session = {
      id: sessionId,
      object: "checkout.session",
      url: `https://checkout.stripe.test/pay/${sessionId}`,
      mode: "payment",
      amount_subtotal: subtotal,
      amount_total: amountTotal,
      total_details: { amount_discount: discount, amount_shipping: shipping, amount_tax: 0 },
      currency,
      payment_status: "unpaid",
      status: "open",
      client_reference_id: p.client_reference_id ?? null,
      customer_email: p.customer_email ?? null,
      metadata: p.metadata ?? {},
      success_url: p.success_url ?? null,
      cancel_url: p.cancel_url ?? null,
      created: now,
      expires_at: expiresAt,
      livemode: false,
      payment_intent: pi.id,
    };
    sessions.set(session.id, session);
    return session;
  }

  function createRefund(p: Record<string, any>) {
    const piId = required(p.payment_intent, "payment_intent");
    const pi = paymentIntents.get(piId);
    if (!pi) throw new ApiError(404, `No such payment_intent: '${piId}'`, "resource_missing", "payment_intent");
    const left = pi.amount - pi.amount_refunded;
    if (left <= 0) throw new ApiError(400, `Charge for ${piId} has already been refunded.`, "charge_already_refunded");
    const amount = p.amount === undefined ? left : int(p.amount, "amount", 1);
    if (amount > left) throw new ApiError(400, "Refund amount is greater than the unrefunded amount.", "amount_too_large", "amount");
    pi.amount_refunded += amount;
    const refund = {
      id: id("re_test"),
      object: "refund",
      amount,
      currency: pi.currency,
      payment_intent: piId,
      status: "succeeded",
      metadata: p.metadata ?? {},
      created: nowSeconds(),
    };
    refunds.set(refund.id, refund);
    return refund;
  }

  function route(method: string, path: string, p: Record<string, any>): any {
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/coupons") return createCoupon(p);
    if (method === "POST" && path === "/v1/checkout/sessions") return createSession(p);
    if (method === "POST" && path === "/v1/refunds") return createRefund(p);
    if ((m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/))) {
      const session = sessions.get(decodeURIComponent(m[1]!));
      if (!session) throw new ApiError(404, `No such checkout.session: '${m[1]}'`, "resource_missing", "session");
      if (method === "GET" && !m[2]) return session;
      if (method === "POST" && m[2]) {
        if (session.status !== "open") {
          throw new ApiError(400, `Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of "${session.status}".`);
        }
        session.status = "expired";
        return session;
      }
    }
    if (method === "GET" && (m = path.match(/^\/v1\/payment_intents\/([^/]+)$/))) {
      const pi = paymentIntents.get(decodeURIComponent(m[1]!));
      if (!pi) throw new ApiError(404, `No such payment_intent: '${m[1]}'`, "resource_missing", "intent");
      return pi;
    }
    throw new ApiError(404, `Unrecognized request URL (${method}: ${path}).`);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const url = new URL(req.url ?? "/", "http://stand-in");
      const body = Buffer.concat(chunks).toString("utf8");
      const params = parseForm(method === "GET" ? url.search.slice(1) : body);
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const send = (status: number, payload: string, replayed = false) => {
        requests.push({ method, path: url.pathname, params, idempotencyKey: key, status, replayed });
        res.writeHead(status, {
          "Content-Type": "application/json",
          "Request-Id": id("req"),
          ...(key && { "Idempotency-Key": key }),
          ...(replayed && { "Idempotent-Replayed": "true" }),
          ...(status >= 400 && status < 500 && { "Stripe-Should-Retry": "false" }),
        });
        res.end(payload);
      };

      const auth = req.headers.authorization ?? "";
      if (!auth.startsWith("Bearer sk_test_")) {
        send(401, JSON.stringify({ error: { type: "invalid_request_error", message: "Invalid API Key provided." } }));
        return;
      }
      if (method === "POST" && key) {
        const previous = idempotent.get(key);
        if (previous) {
          if (previous.method !== method || previous.path !== url.pathname || previous.body !== body) {
            send(
              400,
              JSON.stringify({
                error: {
                  type: "idempotency_error",
                  message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
                },
              }),
            );
          } else {
            send(previous.status, previous.response, true);
          }
          return;
        }
      }
      let status = 200;
      let response: string;
      try {
        response = JSON.stringify(route(method, url.pathname, params));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        status = error.status;
        response = JSON.stringify({
          error: { type: error.type, message: error.message, ...(error.code && { code: error.code }), ...(error.param && { param: error.param }) },
        });
      }
      // Like Stripe: a result is kept for replay, a request refused for its parameters is not.
      if (method === "POST" && key && status < 400) idempotent.set(key, { method, path: url.pathname, body, status, response });
      send(status, response);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sessions,
    paymentIntents,
    coupons,
    refunds,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // stripe-node keeps connections alive; do not wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}
