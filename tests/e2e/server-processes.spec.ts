// Several server processes on one port (WEB_CONCURRENCY, scripts/serve.ts):
// a second store on the same build and database with two workers. Both
// serve, a shopper's checkout works whichever takes each request, a worker
// that dies is replaced, and SIGTERM stops them all cleanly.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { startCheckoutOnce } from "../../scripts/bench/shopper";
import { freePort, startStore } from "../support/store-server";
import { expect, test } from "./fixtures";

type Line = { msg?: string; pid?: number; workerPid?: number; path?: string; status?: number };

test.describe("two server processes", () => {
  test.describe.configure({ mode: "serial" });
  let server: ChildProcess;
  let output = () => "";
  let port = 0;
  const lines = () =>
    output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Line);
  const listening = () => lines().filter((l) => l.msg?.startsWith("listening on"));

  /** A GET on a new connection each time, so the primary hands each to the next worker. */
  const get = (pathname: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: pathname, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end();
    });

  test.beforeAll(async () => {
    port = await freePort();
    const store = startStore(port, { WEB_CONCURRENCY: "2" });
    server = store.child;
    output = store.output;
    await expect.poll(() => listening().length, { timeout: 60_000 }).toBe(2);
  });

  test.afterAll(async () => {
    if (server.exitCode === null) {
      server.kill("SIGKILL");
      await once(server, "exit");
    }
  });

  test("both serve, and a checkout goes through whichever process takes each request", async () => {
    test.setTimeout(120_000);
    expect(lines().find((l) => l.msg?.startsWith("starting 2 server processes"))).toBeTruthy();
    const workers = new Set(listening().map((l) => l.pid));
    expect(workers.size).toBe(2);
    expect(workers.has(server.pid)).toBe(false);

    for (let i = 0; i < 6; i++) expect(await get("/robots.txt")).toBe(200);
    // A catalog page is rewritten to its cached page inside the process that took it.
    for (let i = 0; i < 4; i++) expect(await get("/products/gentle-barrier-moisturizer")).toBe(200);
    await expect
      .poll(
        () =>
          new Set(
            lines()
              .filter((l) => l.msg === "request" && l.path === "/robots.txt")
              .map((l) => l.pid),
          ).size,
      )
      .toBe(2);

    for (let i = 0; i < 3; i++) {
      const run = await startCheckoutOnce(`http://127.0.0.1:${port}`, { product: "/products/gentle-barrier-moisturizer" });
      expect(run.paymentUrl).toMatch(/\/pay\/demo\/[\w-]{43}$/);
    }
  });

  test("a worker that dies is replaced, and SIGTERM stops every process", async () => {
    test.setTimeout(120_000);
    const [victim, survivor] = listening().map((l) => l.pid!);
    process.kill(victim!, "SIGKILL");
    await expect.poll(() => lines().some((l) => l.msg === "a server process died; starting another" && l.workerPid === victim)).toBe(true);
    await expect.poll(() => listening().length, { timeout: 60_000 }).toBe(3);
    const replacement = listening()[2]!.pid!;
    expect([victim, survivor]).not.toContain(replacement);
    for (let i = 0; i < 4; i++) expect(await get("/robots.txt")).toBe(200);

    server.kill("SIGTERM");
    const [code] = await once(server, "exit");
    expect(code).toBe(0);
    expect(lines().some((l) => l.msg === "server processes stopped")).toBe(true);
    for (const pid of [survivor!, replacement]) expect(() => process.kill(pid, 0)).toThrow();
  });
});
