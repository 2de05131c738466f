// Builds each overlay with kustomize (kubectl's) and validates every object it yields against the JSON schema of its
// kind: Kubernetes' own (kubernetes-models) and CloudNativePG's CRDs (@kubernetes-models/cloudnative-pg). Unknown
// fields, wrong types and missing required fields fail; so does a kind with no schema here.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const overlays = process.argv.slice(2).length ? process.argv.slice(2) : ['dev', 'production'];

function modulePath(apiVersion) {
  if (apiVersion.startsWith('postgresql.cnpg.io/')) {
    return `@kubernetes-models/cloudnative-pg/${apiVersion}`;
  }
  return `kubernetes-models/${apiVersion}`;
}

let failures = 0;
for (const overlay of overlays) {
  const built = execFileSync('kubectl', ['kustomize', join(root, 'overlays', overlay)], { encoding: 'utf8' });
  const docs = parseAllDocuments(built).map((d) => d.toJS());
  const kinds = [];
  for (const doc of docs) {
    const name = `${overlay}: ${doc.kind}/${doc.metadata?.name}`;
    let Model;
    try {
      Model = (await import(modulePath(doc.apiVersion)))[doc.kind];
    } catch {
      Model = undefined;
    }
    if (!Model) {
      console.error(`${name}: no schema for ${doc.apiVersion} ${doc.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(doc).validate();
      kinds.push(doc.kind);
    } catch (e) {
      console.error(`${name}: ${e.message}`);
      for (const err of e.errors ?? []) {
        console.error(`  ${err.instancePath} ${err.message} ${JSON.stringify(err.params)}`);
      }
      failures++;
    }
  }
  console.log(`${overlay}: ${kinds.length} of ${docs.length} objects valid (${kinds.join(', ')})`);
}
if (failures) {
  console.error(`${failures} invalid objects`);
  process.exit(1);
}
