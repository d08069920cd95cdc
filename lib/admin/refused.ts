// The one answer the back office's routes give to anyone they refuse (a
// visitor, a customer, staff without the right, an unknown action or
// document, a method other than the one the route takes): the same 404, byte
// for byte, so nobody learns from a refusal what exists. Used by
// app/admin/actions/[action] and app/admin/professionals/[id]/document.
export const ADMIN_REFUSED_BODY = "<!doctype html><title>Not found</title><h1>We could not find that page</h1>";

export function adminRefused(): Response {
  return new Response(ADMIN_REFUSED_BODY, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
