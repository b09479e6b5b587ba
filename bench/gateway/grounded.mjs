// The gateway's own time per grounded request, upstream time excluded: a loopback upstream scripted to call the
// calculator and kg_describe once, then answer; the gateway reports its own time in x-groundgate-overhead-ms.
// Also times the embedded planner (groundgate-local) end to end on a few questions.
//
// Usage (from the repository root, after ./mvnw -B package -DskipTests):
//   (cd bench/gateway && npm ci && node grounded.mjs [--requests 2000])
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const REQUESTS = arg('requests', 2000);

const toolRound = JSON.stringify({
  id: 'chatcmpl-b', object: 'chat.completion', created: 1, model: 'bench-model',
  choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: null, tool_calls: [
    { id: 'call_calc', type: 'function', function: { name: 'calculator', arguments: JSON.stringify({ expression: '19.3 g/cm^3 * 2 L in kg' }) } },
    { id: 'call_kg', type: 'function', function: { name: 'kg_describe', arguments: JSON.stringify({ iri: 'https://w3id.org/groundgate/resource/element/Au', limit: 20 }) } },
  ] } }],
  usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
});
const finalRound = JSON.stringify({
  id: 'chatcmpl-b', object: 'chat.completion', created: 1, model: 'bench-model',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: '2 L of gold weigh 38.6 kg.' } }],
  usage: { prompt_tokens: 200, completion_tokens: 10, total_tokens: 210 },
});

const upstream = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(parts));
    const answered = body.messages.some((m) => m.role === 'tool');
    const reply = answered ? finalRound : toolRound;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) });
    res.end(reply);
  });
});
await new Promise((r) => upstream.listen(0, '127.0.0.1', r));

const freePort = () => new Promise((resolve) => {
  const s = http.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const port = await freePort();
// the management interface (/q/metrics) gets a free port too: its default 9000 is taken by any other gateway running
const managementPort = await freePort();
const jar = process.env.GG_JAR ?? path.join(root, 'target/quarkus-app/quarkus-run.jar');
if (!fs.existsSync(jar)) throw new Error(`build GroundGate first: ./mvnw -B package -DskipTests (missing ${jar})`);
// compare.sh pins the gateway to its own core: GG_CPU_PIN="taskset -c 1"; JAVA_OPTS adds JVM options (e.g. JFR).
const pin = (process.env.GG_CPU_PIN ?? '').split(' ').filter(Boolean);
const javaOpts = (process.env.JAVA_OPTS ?? '').split(' ').filter(Boolean);
const command = [...pin, 'java', ...javaOpts, '-jar', jar];
const gg = spawn(command[0], command.slice(1), {
  cwd: root,
  env: { ...process.env, QUARKUS_HTTP_PORT: String(port), QUARKUS_HTTP_HOST: '127.0.0.1', QUARKUS_LOG_LEVEL: 'WARN',
    QUARKUS_MANAGEMENT_HOST: '127.0.0.1', QUARKUS_MANAGEMENT_PORT: String(managementPort),
    GROUNDGATE_UPSTREAMS_BENCH_BASE_URL: `http://127.0.0.1:${upstream.address().port}/v1`, GROUNDGATE_UPSTREAMS_BENCH_MODELS: 'bench-model' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function ask(model, question) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(`http://127.0.0.1:${port}/v1/chat/completions`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, overhead: Number(res.headers['x-groundgate-overhead-ms']),
        total: Number(process.hrtime.bigint() - t0) / 1e6, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ model, messages: [{ role: 'user', content: question }] }));
  });
}
// CPU the gateway process used (all its threads, user + system), in ms: robust to waiting for a core on a shared machine,
// where the wall-clock gateway time mostly measures the other jobs. Linux only (/proc); clock ticks assumed 100/s.
const javaPid = () => {
  if (pin.length === 0) return gg.pid;
  try { return Number(fs.readFileSync(`/proc/${gg.pid}/task/${gg.pid}/children`, 'utf8').trim().split(' ')[0]) || gg.pid; } catch { return gg.pid; }
};
const cpuMs = () => {
  try {
    const fields = fs.readFileSync(`/proc/${javaPid()}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch { return NaN; }
};
const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

try {
  for (let i = 0; i < 600; i++) { // up to 2 minutes: start-up on a loaded machine
    try { if ((await ask('groundgate-local', 'What is 1+1?')).status === 200) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  for (let i = 0; i < 2000; i++) await ask('grounded/bench-model', 'How heavy are 2 litres of gold?'); // warm-up
  const grounded = [];
  let failures = 0;
  const groundedCpu0 = cpuMs();
  for (let i = 0; i < REQUESTS; i++) {
    const r = await ask('grounded/bench-model', 'How heavy are 2 litres of gold?');
    const steps = r.status === 200 ? JSON.parse(r.body).grounding.steps : [];
    if (r.status !== 200 || steps.length !== 2 || !steps.every((s) => s.ok)) failures++;
    grounded.push(r.overhead);
  }
  const groundedCpu = (cpuMs() - groundedCpu0) / REQUESTS;
  const questions = ['What is the mass of 2 litres of gold?', 'How many countries border Germany?',
    'Which element has the highest density?', 'What is the population density of Japan?', 'What is 15% of 80?'];
  for (let i = 0; i < 200; i++) await ask('groundgate-local', questions[i % questions.length]); // warm-up
  const local = [];
  const localCpu0 = cpuMs();
  for (let i = 0; i < 500; i++) local.push((await ask('groundgate-local', questions[i % questions.length])).overhead);
  const localCpu = (cpuMs() - localCpu0) / 500;
  const lines = [
    `Run: ${new Date().toISOString()}, ${REQUESTS} sequential grounded requests after 2000 warm-up, 500 local-planner questions.`,
    '',
    '| path | gateway time p50 ms | p99 ms | gateway CPU ms per request (all threads) | failed |',
    '|---|---|---|---|---|',
    `| grounded: 2 upstream rounds, calculator + kg_describe in parallel | ${pct(grounded, 0.5).toFixed(3)} | ${pct(grounded, 0.99).toFixed(3)} | ${groundedCpu.toFixed(3)} | ${failures} |`,
    `| groundgate-local: ${questions.length} questions in turn | ${pct(local, 0.5).toFixed(3)} | ${pct(local, 0.99).toFixed(3)} | ${localCpu.toFixed(3)} | — |`,
  ];
  console.log(lines.join('\n'));
} finally {
  gg.kill('SIGTERM');
  upstream.close();
  agent.destroy();
}
