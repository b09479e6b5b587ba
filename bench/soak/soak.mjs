// Soak: mixed traffic against a GroundGate started on loopback, printing heap after a forced GC and RSS every 10 s.
// Traffic: passthrough (whole and streamed) and grounded/ against a loopback fake upstream, groundgate-local, /sparql.
// Not a test: it prints figures for BENCHMARKS.md. Loopback only; bounded by --duration.
//
// Usage (from the repository root, after ./mvnw -B package -DskipTests; needs java and jcmd on PATH):
//   node bench/soak/soak.mjs [--duration 600] [--concurrency 4] [--xmx 512m] [--jar target/quarkus-app/quarkus-run.jar]
//                            [--streams-only]
import { spawn, execFileSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startUpstream } from '../gateway/upstream.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DURATION_S = Number(arg('duration', 600));
const CONCURRENCY = Number(arg('concurrency', 4));
const XMX = arg('xmx', '512m');
const STREAMS_ONLY = process.argv.includes('--streams-only'); // passthrough streams only: the per-stream leak check
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function request(port, method, p, body, headers = {}) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, agent: keepAlive,
      headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } : headers },
    (res) => {
      let bytes = 0;
      res.on('data', (d) => { bytes += d.length; });
      res.on('end', () => resolve({ status: res.statusCode, bytes }));
      res.on('error', () => resolve({ status: -1, bytes }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: -1, bytes: 0 }));
    req.end(body);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

const chat = (model, stream, content) => JSON.stringify({ model, stream, messages: [{ role: 'user', content }] });
const MIX = [
  ['passthrough', (p) => request(p, 'POST', '/v1/chat/completions', chat('soak-model', false, 'Say something.'))],
  ['passthrough-stream', (p) => request(p, 'POST', '/v1/chat/completions', chat('soak-model', true, 'Stream.'))],
  ['passthrough-stream', (p) => request(p, 'POST', '/v1/chat/completions', chat('soak-model', true, 'Stream.'))],
  ['grounded', (p) => request(p, 'POST', '/v1/chat/completions', chat('grounded/soak-model', false, 'Say something.'))],
  ['grounded-stream', (p) => request(p, 'POST', '/v1/chat/completions', chat('grounded/soak-model', true, 'Stream.'))],
  ['local', (p) => request(p, 'POST', '/v1/chat/completions', chat('groundgate-local', false, 'What is the density of gold?'))],
  ['sparql', (p) => request(p, 'GET', '/sparql?query=' + encodeURIComponent('SELECT ?s WHERE { ?s ?p ?o } LIMIT 5'))],
];

const TRAFFIC = STREAMS_ONLY ? MIX.filter(([name]) => name === 'passthrough-stream') : MIX;

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function heapAfterGcMb(port, pid) {
  execFileSync('jcmd', [String(pid), 'GC.run'], { stdio: 'ignore' });
  const text = await new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port, path: '/q/metrics' }, (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve(s));
    }).on('error', () => resolve(''));
  });
  let bytes = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('jvm_memory_used_bytes{') && line.includes('area="heap"')) bytes += Number(line.split(' ').pop());
  }
  return bytes / 1024 / 1024;
}

const upstream = await startUpstream(0);
const port = await freePort();
const managementPort = await freePort(); // /q/metrics is on the management interface
const jar = path.resolve(arg('jar', path.join(root, 'target/quarkus-app/quarkus-run.jar')));
const gateway = spawn('java', [`-Xmx${XMX}`, '-Dquarkus.http.host=127.0.0.1', `-Dquarkus.http.port=${port}`,
  '-Dquarkus.management.host=127.0.0.1', `-Dquarkus.management.port=${managementPort}`,
  `-Dgroundgate.upstreams.fake.base-url=http://127.0.0.1:${upstream.address().port}/v1`,
  '-Dgroundgate.upstreams.fake.models=soak-model', '-Dquarkus.log.level=WARN', '-jar', jar],
{ cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const stop = () => { try { gateway.kill('SIGTERM'); } catch { /* gone */ } };
process.on('exit', stop);

for (let i = 0; ; i++) {
  const r = await request(port, 'GET', '/q/health/ready');
  if (r.status === 200) break;
  if (i > 1800) { console.error('gateway did not become ready'); process.exit(1); }
  await sleep(100);
}

const counts = {};
let total = 0;
let fiveXx = 0;
let failed = 0;
const started = Date.now();
const end = started + DURATION_S * 1000;
async function worker(w) {
  for (let i = w; Date.now() < end; i += CONCURRENCY) {
    const [name, send] = TRAFFIC[i % TRAFFIC.length];
    const r = await send(port);
    total++;
    counts[name] = (counts[name] ?? 0) + 1;
    if (r.status >= 500) fiveXx++;
    if (r.status < 0) failed++;
  }
}
console.log(`soak${STREAMS_ONLY ? ' (passthrough streams only)' : ''}: ${DURATION_S} s, concurrency ${CONCURRENCY}, -Xmx${XMX}, gateway pid ${gateway.pid} on 127.0.0.1:${port}`);
console.log('t_s\trequests\t5xx\tnet_errors\theap_after_gc_mb\trss_mb');
const report = async () => {
  const heap = await heapAfterGcMb(managementPort, gateway.pid);
  console.log(`${Math.round((Date.now() - started) / 1000)}\t${total}\t${fiveXx}\t${failed}\t${heap.toFixed(1)}\t${rssMb(gateway.pid).toFixed(1)}`);
};
await report();
const timer = setInterval(report, 10_000);
await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
clearInterval(timer);
await report();
console.log('by kind:', JSON.stringify(counts));
stop();
upstream.close();
keepAlive.destroy();
process.exit(fiveXx === 0 ? 0 : 2);
