// Page latency benchmark against a running store (default http://localhost:3000):
//   npm run bench:pages -- [baseUrl] [requestsPerPage] [concurrency]
// Prints, per page, p50/p95/max time to the full response and the response
// size. Figures, not assertions: compare runs by hand.
export {}; // a module, for top-level await

const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
const perPage = Number(process.argv[3] ?? 100);
const concurrency = Number(process.argv[4] ?? 10);
const pages = [
  "/",
  "/shop/kits",
  "/shop/cartridges?pen=stillpoint-h1&config=12-pin&sort=price-asc",
  "/products/home-starter-kit",
  "/products/precision-12-cartridge?variant=CRT-12-25",
  "/instructions/home-microneedling-guide",
  "/products/home-starter-kit/booklet.pdf",
];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(path: string) {
  const times: number[] = [];
  let bytes = 0;
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < perPage) {
      next++;
      const start = performance.now();
      try {
        const res = await fetch(base + path);
        const body = await res.arrayBuffer();
        if (!res.ok) failures++;
        bytes = body.byteLength;
      } catch {
        failures++;
      }
      times.push(performance.now() - start);
    }
  };
  await fetch(base + path).then((r) => r.arrayBuffer()); // warm the caches
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { path, p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1]!, rps: perPage / seconds, kb: bytes / 1024, failures };
}

console.log(`${perPage} requests per page, ${concurrency} at a time, against ${base}\n`);
console.log("page".padEnd(70) + "p50 ms  p95 ms  max ms   req/s   size kB  failed");
for (const path of pages) {
  const r = await measure(path);
  console.log(
    r.path.padEnd(70) +
      [r.p50, r.p95, r.max].map((n) => n.toFixed(0).padStart(6)).join("  ") +
      r.rps.toFixed(0).padStart(8) +
      r.kb.toFixed(1).padStart(10) +
      String(r.failures).padStart(8),
  );
}
