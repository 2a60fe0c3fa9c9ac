// Validates every object of every YAML file in the folders given against the official Kubernetes OpenAPI schemas,
// through kubernetes-models (its classes validate with ajv against the schemas generated from Kubernetes' own
// OpenAPI document). Prints one line per object ("ok <file> <kind>/<name>" or "invalid <file> …: <errors>") and
// exits 1 when any object is invalid, unknown, or no object was found. Offline: reads only node_modules.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error("usage: node validate.mjs <folder>...");
  process.exit(2);
}

// "apps/v1" -> kubernetes-models/apps/v1, "v1" -> kubernetes-models/v1.
async function modelOf(apiVersion, kind) {
  const module = await import(`kubernetes-models/${apiVersion}`);
  const model = module[kind];
  if (typeof model !== "function") {
    throw new Error(`kubernetes-models has no ${kind} in ${apiVersion}`);
  }
  return model;
}

let objects = 0;
let failures = 0;
for (const folder of folders) {
  const files = readdirSync(folder).filter((name) => name.endsWith(".yaml") && statSync(join(folder, name)).isFile()).sort();
  for (const file of files) {
    const documents = parseAllDocuments(readFileSync(join(folder, file), "utf8"));
    for (const document of documents) {
      if (document.errors.length > 0) {
        failures++;
        console.log(`invalid ${file}: not YAML: ${document.errors.map((error) => error.message).join("; ")}`);
        continue;
      }
      const value = document.toJS();
      if (value === null) continue;
      objects++;
      const label = `${file} ${value.kind}/${value.metadata?.name}`;
      try {
        const Model = await modelOf(value.apiVersion, value.kind);
        new Model(value).validate();
        console.log(`ok ${label}`);
      } catch (error) {
        failures++;
        const details = error.errors ? JSON.stringify(error.errors.map((e) => `${e.instancePath || "/"} ${e.message}`)) : error.message;
        console.log(`invalid ${label}: ${details}`);
      }
    }
  }
}

console.log(`${objects} objects, ${failures} invalid`);
process.exit(failures > 0 || objects === 0 ? 1 : 0);
