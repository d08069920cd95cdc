// Demo payments: no money moves. The customer is sent to /pay/demo/<token>,
// a page in the store labelled as simulated, and chooses pay or decline.
import type { PaymentGateway } from "./index";

export const demoGateway: PaymentGateway = {
  provider: "DEMO",
  async start(order, { baseUrl, accessToken }) {
    return { redirectUrl: `${baseUrl}/pay/demo/${accessToken}`, reference: `demo_${order.id}` };
  },
  async cancel() {},
  async refund() {},
};
