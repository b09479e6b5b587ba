// Per-idle-connection cost: starts the packaged gateway on loopback, opens N keep-alive client connections that each
// make one request (GET /v1/models) and then stay open and idle, and prints heap after GC and RSS before and with
// them, per connection. Not a test: figures for BENCHMARKS.md. Loopback only; bounded by --connections.
//
// Usage (from the repository root, after ./mvnw -B package -DskipTests; needs java and jcmd on PATH):
//   node bench/soak/idle.mjs [--connections 1000] [--xmx 512m] [--jar target/quarkus-app/quarkus-run.jar]
import { spawn, execFileSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('connections', 1000));
const XMX = arg('xmx', '512m');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const managementPort = await new Promise((resolve) => { // /q/metrics is on the management interface, not on port
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const jar = path.resolve(arg('jar', path.join(root, 'target/quarkus-app/quarkus-run.jar')));
const gateway = spawn('java', [`-Xmx${XMX}`, '-Dquarkus.http.host=127.0.0.1', `-Dquarkus.http.port=${port}`,
  '-Dquarkus.management.host=127.0.0.1', `-Dquarkus.management.port=${managementPort}`, '-Dquarkus.log.level=WARN', '-Dgroundgate.kg.watch=false', '-jar', jar], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
process.on('exit', () => { try { gateway.kill('SIGTERM'); } catch { /* gone */ } });

function get(agent, p, at = port) {
  return new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port: at, path: p, agent }, (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve({ status: res.statusCode, body: s }));
    }).on('error', () => resolve({ status: -1, body: '' }));
  });
}
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${gateway.pid}/status`, 'utf8'))[1]) / 1024;
async function heapMb() {
  execFileSync('jcmd', [String(gateway.pid), 'GC.run'], { stdio: 'ignore' });
  await sleep(300);
  const { body } = await get(undefined, '/q/metrics', managementPort);
  return body.split('\n').filter((l) => l.startsWith('jvm_memory_used_bytes{') && l.includes('area="heap"'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0) / 1024 / 1024;
}

for (let i = 0; (await get(undefined, '/q/health/ready')).status !== 200; i++) {
  if (i > 1800) { console.error('gateway did not become ready'); process.exit(1); }
  await sleep(100);
}
// warm the request path first, so the "with" figure is the connections and not first-request class loading
const warm = new http.Agent({ keepAlive: true, maxSockets: 4 });
for (let i = 0; i < 500; i++) await get(warm, '/v1/models');
warm.destroy();
await sleep(500);
const heap0 = await heapMb();
const rss0 = rssMb();
const agents = [];
for (let i = 0; i < N; i += 50) {
  await Promise.all(Array.from({ length: Math.min(50, N - i) }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1, keepAliveMsecs: 60_000 });
    agents.push(agent);
    const r = await get(agent, '/v1/models');
    if (r.status !== 200) throw new Error(`status ${r.status}`);
  }));
}
await sleep(1000);
const heap1 = await heapMb();
const rss1 = rssMb();
const open = agents.reduce((n, a) => n + Object.values(a.freeSockets).flat().length, 0);
console.log(`idle connections: ${open} open of ${N} (gateway pid ${gateway.pid}, -Xmx${XMX})`);
console.log(`heap after GC: ${heap0.toFixed(1)} MB -> ${heap1.toFixed(1)} MB: ${((heap1 - heap0) * 1024 / N).toFixed(2)} KB per idle connection`);
console.log(`RSS: ${rss0.toFixed(0)} MB -> ${rss1.toFixed(0)} MB: ${((rss1 - rss0) * 1024 / N).toFixed(1)} KB per idle connection`);
agents.forEach((a) => a.destroy());
process.exit(0);
