import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { authCallbackUrlProblem } from "@/lib/accounts/redirect";

const badRequest = () => new Response("That sign-in address is not valid.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function GET(request: NextRequest) {
  return authCallbackUrlProblem(request) ? badRequest() : handlers.GET(request);
}

export async function POST(request: NextRequest) {
  return authCallbackUrlProblem(request) ? badRequest() : handlers.POST(request);
}
