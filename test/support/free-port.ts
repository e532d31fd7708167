import net from 'node:net';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// Ports are chosen below Linux's ephemeral range (32768–60999): a port checked free there can be
// taken a moment later as the local end of any outgoing connection (a fetch, a PostgreSQL
// client), which is how a node once failed with EADDRINUSE. Each vitest worker draws from its
// own slice, and a process never hands out the same port twice, so parallel test files do not
// race for one port either.
const LOW = 10_000;
const HIGH = 32_000;
const SLICES = 4;
const handedOut = new Set<number>();

function slice(): { from: number; size: number } {
  const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 1);
  const size = Math.floor((HIGH - LOW) / SLICES);
  return { from: LOW + ((Math.max(1, worker) - 1) % SLICES) * size, size };
}

/** A base port with `count` consecutive free ports after it, for multi-node processes. */
export async function freePortRange(count: number): Promise<number> {
  const { from, size } = slice();
  for (let attempt = 0; attempt < 100; attempt++) {
    const base = from + Math.floor(Math.random() * (size - count));
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if (ports.some((p) => handedOut.has(p))) continue;
    const checks = await Promise.all(ports.map(portFree));
    if (!checks.every(Boolean)) continue;
    for (const p of ports) handedOut.add(p);
    return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}
