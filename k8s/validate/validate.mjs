// Renders every kustomize overlay under k8s/overlays with `kubectl kustomize` and validates each object against the
// Kubernetes OpenAPI schemas shipped in the `kubernetes-models` package - offline, no cluster needed. Also validates
// k8s/secret.template.yaml. Exit code 0 when everything is valid, 1 when an object is invalid, 2 when it cannot run.
//
//   cd k8s/validate && npm ci && node validate.mjs        (or: npm run validate)
//   node validate.mjs FILE...                              validates those YAML files instead
//
// kubernetes-models checks types, required fields and formats; it does not reject unknown fields, so the renders are
// also checked structurally by src/test/java/io/groundgate/ops/ManifestsTest.java.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const k8sDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoDir = join(k8sDir, "..");

function render(dir) {
  try {
    return execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if (e.code === "ENOENT") {
      console.error("kubectl is not installed: it is needed to render the overlays (kubectl kustomize).");
      process.exit(2);
    }
    throw new Error(`kubectl kustomize ${relative(repoDir, dir)} failed:\n${e.stderr || e.message}`);
  }
}

async function modelClass(apiVersion, kind) {
  // "apps/v1" -> kubernetes-models/apps/v1/Deployment; core "v1" -> kubernetes-models/v1/Service
  if (!/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(apiVersion) || !/^[A-Za-z0-9]+$/.test(kind)) {
    return null;
  }
  let mod;
  try {
    mod = await import(`kubernetes-models/${apiVersion}/${kind}`);
  } catch {
    return null;
  }
  return mod[kind] ?? null;
}

async function validateDocs(source, text) {
  const failures = [];
  let count = 0;
  for (const obj of yaml.loadAll(text)) {
    if (obj == null) {
      continue;
    }
    count++;
    const name = `${source}: ${obj.kind ?? "?"}/${obj.metadata?.name ?? "?"}`;
    if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") {
      failures.push(`${name}: apiVersion and kind are required`);
      continue;
    }
    const Model = await modelClass(obj.apiVersion, obj.kind);
    if (!Model) {
      failures.push(`${name}: no schema for ${obj.apiVersion} ${obj.kind} (a typo, or an API that does not exist)`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      const details = (e.errors ?? []).map((err) => `    ${err.instancePath || "/"} ${err.message}`).join("\n");
      failures.push(`${name}: ${e.message}${details ? "\n" + details : ""}`);
    }
  }
  return { count, failures };
}

const files = process.argv.slice(2);
const overlaysDir = join(k8sDir, "overlays");
const overlays = readdirSync(overlaysDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(overlaysDir, d.name, "kustomization.yaml")))
  .map((d) => join(overlaysDir, d.name))
  .sort();
if (overlays.length === 0 && files.length === 0) {
  console.error(`no overlays found under ${overlaysDir}`);
  process.exit(2);
}

let failed = 0;
const inputs = files.length > 0
  ? files.map((f) => [f, () => readFileSync(f, "utf8")])
  : overlays.map((dir) => [relative(repoDir, dir), () => render(dir)]);
if (files.length === 0) {
  inputs.push(["k8s/secret.template.yaml", () => readFileSync(join(k8sDir, "secret.template.yaml"), "utf8")]);
}
for (const [source, read] of inputs) {
  let text;
  try {
    text = read();
  } catch (e) {
    console.error(`FAIL ${source}: ${e.message}`);
    failed++;
    continue;
  }
  const { count, failures } = await validateDocs(source, text);
  if (count === 0) {
    failures.push(`${source}: rendered no objects`);
  }
  for (const f of failures) {
    console.error(`FAIL ${f}`);
  }
  failed += failures.length;
  console.log(`${failures.length === 0 ? "ok  " : "FAIL"} ${source}: ${count} objects`);
}
if (failed > 0) {
  console.error(`${failed} problem(s)`);
  process.exit(1);
}
console.log("all manifests valid");
