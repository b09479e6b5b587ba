// Bundles the workbench into the jar's static resources (run by Maven: see pom.xml, profile "webui").
// Output: <out>/index.html, <out>/assets/{app.js,app.css,favicon.svg}; <out> defaults to
// ../../../target/classes/META-INF/resources, so Quarkus serves it at "/".
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? resolve(here, '../../../target/classes/META-INF/resources'));
mkdirSync(resolve(out, 'assets'), { recursive: true });

await build({
  entryPoints: { app: resolve(here, 'src/main.js'), 'app-style': resolve(here, 'src/app.css') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  sourcemap: false,
  legalComments: 'external',
  outdir: resolve(out, 'assets'),
  logLevel: 'warning',
});
cpSync(resolve(here, 'static/index.html'), resolve(out, 'index.html'));
cpSync(resolve(here, 'static/favicon.svg'), resolve(out, 'assets/favicon.svg'));
console.log(`workbench built into ${out}`);
