// One log line for every error Next.js catches while serving a request
// (rendering, route handlers, server actions, the proxy), called from
// onRequestError in instrumentation.ts. The browser only ever sees the error's
// digest ("error id" on app/error.tsx); this line ties that id to the stack,
// the request id (X-Request-Id) and what was asked for.
// No "@/" imports: tests load it as it is.
import type { Logger } from "pino";
import { log, loggablePath } from "./log";
import { requestId as trustedRequestId } from "./request-origin";

type ErrorRequest = Readonly<{ path: string; method: string; headers: NodeJS.Dict<string | string[]> }>;
type ErrorContext = Readonly<{ routePath: string; routeType: string }>;

function digestOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "digest" in error ? String((error as { digest: unknown }).digest) : undefined;
}

export function logRequestError(error: unknown, request: ErrorRequest, context: ErrorContext, logger: Logger = log): void {
  const digest = digestOf(error);
  // redirect() and notFound() travel as errors; they are answers, not faults.
  if (digest?.startsWith("NEXT_")) return;
  const header = (name: string) => {
    const value = request.headers[name.toLowerCase()];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
  logger.error(
    {
      err: error instanceof Error ? error : new Error(String(error)),
      // Only the id the store's own server set (a client's copy is removed there).
      requestId: trustedRequestId({ get: header }) ?? undefined,
      digest,
      method: request.method,
      path: loggablePath(request.path),
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
