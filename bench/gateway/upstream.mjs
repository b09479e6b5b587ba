// A minimal OpenAI-compatible upstream for benchmarks: fixed completion, or a stream of CHUNKS chunks GAP_MS apart.
import http from 'node:http';

const CHUNKS = Number(process.env.CHUNKS ?? 20);
const GAP_MS = Number(process.env.GAP_MS ?? 5);
const completion = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1700000000, model: 'bench-model',
  choices: [{ index: 0, message: { role: 'assistant', content: 'The quick brown fox jumps over the lazy dog.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 10, total_tokens: 22 },
});
const chunk = (delta, finish) => `data: ${JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1700000000, model: 'bench-model',
  choices: [{ index: 0, delta, finish_reason: finish }],
})}\n\n`;

export function startUpstream(port = 0) {
  const server = http.createServer((req, res) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => {
      let stream = false;
      try { stream = JSON.parse(Buffer.concat(parts)).stream === true; } catch { /* not JSON: answer anyway */ }
      if (!stream) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(completion) });
        res.end(completion);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      let i = 0;
      const next = () => {
        if (res.destroyed) return;
        if (i === 0) res.write(chunk({ role: 'assistant', content: '' }, null));
        else if (i <= CHUNKS) res.write(chunk({ content: `tok${i} ` }, null));
        else { res.write(chunk({}, 'stop')); res.end('data: [DONE]\n\n'); return; }
        i++;
        setTimeout(next, GAP_MS);
      };
      next();
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startUpstream(Number(process.env.PORT ?? 0));
  console.log(`upstream on ${server.address().port}`); // run.mjs reads this line
}
