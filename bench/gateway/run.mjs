// Measures what a gateway adds on the passthrough path, against the same loopback upstream called directly,
// for GroundGate and Portkey in the same run. Prints a Markdown table (also written to results.md).
//
// Usage (from the repository root, after ./mvnw -B package -DskipTests):
//   (cd bench/gateway && npm ci && node run.mjs [--duration 10] [--connections 16] [--rate 500] [--soak 60])
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const DURATION = arg('duration', 10);
const CONNECTIONS = arg('connections', 16);
const RATE = arg('rate', 500);
const SOAK = arg('soak', 60);
const STREAMS = arg('streams', 200);

const body = JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: 'Say something.' }] });
const streamBody = JSON.stringify({ model: 'bench-model', stream: true, messages: [{ role: 'user', content: 'Stream.' }] });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url, headers = {}) {
  for (let i = 0; i < 300; i++) {
    try {
      const ok = await new Promise((resolve) => {
        const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        });
        req.on('error', () => resolve(false));
        req.end(body);
      });
      if (ok) return;
    } catch { /* retry */ }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

function start(cmd, args, env) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', () => {});
  child.stderr.on('data', () => {});
  return child;
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch { return NaN; }
}

async function load(target, opts) {
  const result = await autocannon({
    url: target.url, method: 'POST', headers: { 'content-type': 'application/json', ...target.headers },
    body, duration: DURATION, ...opts,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

// One connection, sequential requests: latency percentiles in microseconds (autocannon reports whole ms).
async function sequential(target, n) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await new Promise((resolve, reject) => {
      const req = http.request(target.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...target.headers } }, (res) => {
        res.on('data', () => {});
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(body);
    });
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  agent.destroy();
  return percentiles(times.slice(Math.floor(n / 10))); // drop warm-up
}

async function streams(target, n) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ttft = [];
  const gaps = [];
  let failures = 0;
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await new Promise((resolve, reject) => {
      const req = http.request(target.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...target.headers } }, (res) => {
        let last = null;
        if (res.statusCode !== 200) failures++;
        res.on('data', (d) => {
          if (res.statusCode !== 200) return;
          const now = process.hrtime.bigint();
          if (!d.includes('data: ')) return;
          if (last === null) ttft.push(Number(now - t0) / 1000);
          else gaps.push(Number(now - last) / 1000);
          last = now;
        });
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(streamBody);
    });
  }
  agent.destroy();
  return { ttft: percentiles(ttft.slice(Math.floor(n / 10))), gap: percentiles(gaps), failures };
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);
  return { p50: at(0.5), p99: at(0.99) };
}

// The upstream runs in its own process, so the load generator does not slow it down.
const upstream = spawn('node', [path.join(here, 'upstream.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
const upstreamPort = await new Promise((resolve) => upstream.stdout.on('data', (d) => {
  const m = /upstream on (\d+)/.exec(String(d));
  if (m) resolve(Number(m[1]));
}));
const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;
const freePort = () => new Promise((resolve) => {
  const s = http.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const ggPort = await freePort();
const ggManagementPort = await freePort(); // the management interface's default 9000 may be taken by another gateway
const pkPort = await freePort();

const jar = path.join(root, 'target/quarkus-app/quarkus-run.jar');
if (!fs.existsSync(jar)) throw new Error(`build GroundGate first: ./mvnw -B package -DskipTests (missing ${jar})`);
const gg = start('java', ['-jar', jar], {
  QUARKUS_HTTP_PORT: String(ggPort),
  QUARKUS_HTTP_HOST: '127.0.0.1',
  QUARKUS_MANAGEMENT_HOST: '127.0.0.1',
  QUARKUS_MANAGEMENT_PORT: String(ggManagementPort),
  GROUNDGATE_UPSTREAMS_BENCH_BASE_URL: `${upstreamUrl}/v1`,
  GROUNDGATE_UPSTREAMS_BENCH_MODELS: 'bench-model',
  GROUNDGATE_KG_WATCH: 'false',
  QUARKUS_LOG_LEVEL: 'WARN',
});
const pk = start('node', [path.join(here, 'node_modules/@portkey-ai/gateway/build/start-server.js'), `--port=${pkPort}`, '--headless'], { NODE_ENV: 'production' });

const targets = {
  direct: { name: 'upstream (direct)', url: `${upstreamUrl}/v1/chat/completions`, headers: {} },
  groundgate: { name: 'GroundGate', url: `http://127.0.0.1:${ggPort}/v1/chat/completions`, headers: {} },
  portkey: {
    name: 'Portkey 1.15.2', url: `http://127.0.0.1:${pkPort}/v1/chat/completions`,
    headers: { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${upstreamUrl}/v1`, authorization: 'Bearer sk-bench' },
  },
};

try {
  await waitFor(targets.groundgate.url);
  await waitFor(targets.portkey.url, targets.portkey.headers);
  const results = {};
  for (const [key, target] of Object.entries(targets)) {
    process.stderr.write(`measuring ${target.name}…\n`);
    await sequential(target, 20000); // warm-up: JIT compilation, connection pools
    const seq = await sequential(target, 5000);
    const max = await load(target, { connections: CONNECTIONS });
    const fixed = await load(target, { connections: CONNECTIONS, overallRate: RATE });
    await streams(target, 300); // warm-up of the streaming path
    const str = await streams(target, STREAMS);
    results[key] = { seq, max, fixed, str };
  }
  const memBefore = rssMb(gg.pid);
  await autocannon({ url: targets.groundgate.url, method: 'POST', headers: { 'content-type': 'application/json' }, body, duration: SOAK, connections: CONNECTIONS });
  const memAfterSoak = rssMb(gg.pid);
  await autocannon({ url: targets.groundgate.url, method: 'POST', headers: { 'content-type': 'application/json' }, body, duration: SOAK, connections: CONNECTIONS });
  const memAfterSoak2 = rssMb(gg.pid);

  const d = results.direct;
  const added = (r, f) => (f(r) - f(d)).toFixed(0);
  const row = (key) => {
    const r = results[key];
    return `| ${targets[key].name} | ${r.seq.p50.toFixed(0)} | ${r.seq.p99.toFixed(0)} | ${key === 'direct' ? '—' : added(r, (x) => x.seq.p50)} | ${key === 'direct' ? '—' : added(r, (x) => x.seq.p99)} | ${r.fixed.p50} / ${r.fixed.p99} | ${r.max.rps.toFixed(0)} | ${r.str.ttft.p50.toFixed(0)} | ${key === 'direct' ? '—' : added(r, (x) => x.str.ttft.p50)} | ${r.str.gap.p50.toFixed(0)} / ${r.str.gap.p99.toFixed(0)} | ${r.max.errors + r.fixed.errors} | ${r.str.failures}/${STREAMS} |`;
  };
  const gg1 = results.groundgate.seq.p50 - d.seq.p50;
  const pk1 = results.portkey.seq.p50 - d.seq.p50;
  const lines = [
    `Run: ${new Date().toISOString()}, ${DURATION}s per load phase, ${CONNECTIONS} connections, fixed rate ${RATE} req/s, ${STREAMS} streams of 20 chunks 5 ms apart (after 300 warm-up streams); load generator, gateways and upstream share the machine's 2 cores.`,
    '',
    '| target | 1-conn p50 µs | 1-conn p99 µs | added p50 µs | added p99 µs | at fixed rate p50/p99 ms | max req/s | stream TTFT p50 µs | added TTFT µs | inter-chunk gap p50/p99 µs | errors | failed streams |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    row('direct'), row('groundgate'), row('portkey'),
    '',
    `GroundGate added p50 ${gg1.toFixed(0)} µs vs Portkey ${pk1.toFixed(0)} µs (ratio ${(gg1 / pk1).toFixed(2)}); max req/s ${(results.groundgate.max.rps / results.portkey.max.rps).toFixed(1)}× Portkey's.`,
    `GroundGate RSS: ${memBefore.toFixed(0)} MB before soak, ${memAfterSoak.toFixed(0)} MB after ${SOAK}s at full load, ${memAfterSoak2.toFixed(0)} MB after another ${SOAK}s.`,
  ];
  const text = lines.join('\n');
  console.log(text);
  fs.writeFileSync(path.join(here, 'results.md'), text + '\n');
} finally {
  gg.kill('SIGTERM');
  pk.kill('SIGTERM');
  upstream.kill('SIGTERM');
}
