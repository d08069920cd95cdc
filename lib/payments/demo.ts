// Demo payments: no money moves. The customer is sent to /pay/demo/<token>,
// a page in the store labelled as simulated, and chooses pay or decline.
import type { PaymentGateway } from "./index";

export const demoGateway: PaymentGateway = {
  provider: "DEMO",
  // A path, not an address: the demo page stays on whatever host the
  // customer is using (localhost or 127.0.0.1 on the operator's machine).
  async start(order, { accessToken }) {
    return { redirectUrl: `/pay/demo/${accessToken}`, reference: `demo_${order.id}` };
  },
  async cancel() {},
  async refund() {},
  // No money moved, so there is none to give back: the refund is settled at once.
  async refundPart(request) {
    return { providerRefundId: `demo_re_${request.refundId}`, status: "succeeded" };
  },
};
