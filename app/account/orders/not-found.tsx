import { OrderNotFound } from "@/components/order/order-not-found";

export default function NotFound() {
  return <OrderNotFound />;
}
