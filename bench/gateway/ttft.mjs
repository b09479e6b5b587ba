// Time to first token and inter-chunk gap over one keep-alive connection: sequential streamed requests to URL,
// warm-up first. Prints one machine-readable line (compare.sh reads it):
//   TTFT p50=<µs> p99=<µs> gap50=<µs> gap99=<µs> failed=<n>
// Usage: node ttft.mjs URL [count] [warm-up] [header: value]...
import http from 'node:http';

const [url, countArg, warmArg, ...headerArgs] = process.argv.slice(2);
const COUNT = Number(countArg ?? 200);
const WARM = Number(warmArg ?? 300);
const headers = { 'content-type': 'application/json' };
for (const h of headerArgs) {
  const i = h.indexOf(':');
  headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
}
const body = JSON.stringify({ model: 'bench-model', stream: true, messages: [{ role: 'user', content: 'Stream.' }] });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function one() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    let first = null;
    let last = null;
    const gaps = [];
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      res.on('data', (d) => {
        const now = process.hrtime.bigint();
        if (res.statusCode !== 200 || !d.includes('data: ')) return;
        if (first === null) first = Number(now - t0) / 1000;
        else gaps.push(Number(now - last) / 1000);
        last = now;
      });
      res.on('end', () => resolve({ ok: res.statusCode === 200 && first !== null, first, gaps }));
    });
    req.on('error', () => resolve({ ok: false, gaps: [] }));
    req.end(body);
  });
}

const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
for (let i = 0; i < WARM; i++) await one();
const ttft = [];
const gaps = [];
let failed = 0;
for (let i = 0; i < COUNT; i++) {
  const r = await one();
  if (!r.ok) { failed++; continue; }
  ttft.push(r.first);
  gaps.push(...r.gaps);
}
agent.destroy();
console.log(`TTFT p50=${pct(ttft, 0.5).toFixed(0)} p99=${pct(ttft, 0.99).toFixed(0)} gap50=${pct(gaps, 0.5).toFixed(0)} gap99=${pct(gaps, 0.99).toFixed(0)} failed=${failed}`);
