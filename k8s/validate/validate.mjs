// Builds each overlay (kustomize.mjs) and validates every object against the JSON schema of its kind: Kubernetes' own
// (kubernetes-models) and CloudNativePG's CRDs (@kubernetes-models/cloudnative-pg). Wrong types and missing required
// fields fail; so does a kind with no schema here. The built overlays are written to ../target/k8s/<overlay>.yaml for
// the typed Java tests. Where kubectl 1.27+ is installed, its kustomize must build the same objects.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { build, overlaysDir, YAML_11 } from './kustomize.mjs';

const overlays = process.argv.slice(2).length ? process.argv.slice(2) : ['dev', 'production'];
const out = join(overlaysDir, '..', 'target', 'k8s');
mkdirSync(out, { recursive: true });

function modulePath(apiVersion) {
  return apiVersion.startsWith('postgresql.cnpg.io/') ? `@kubernetes-models/cloudnative-pg/${apiVersion}` : `kubernetes-models/${apiVersion}`;
}

function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

function byName(objects) {
  return new Map(objects.map((o) => [`${o.kind}/${o.metadata.name}`, JSON.stringify(canonical(o))]));
}

function kubectlBuild(overlay) {
  try {
    const text = execFileSync('kubectl', ['kustomize', join(overlaysDir, overlay)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return parseAllDocuments(text, YAML_11).map((d) => d.toJS());
  } catch {
    return null; // no kubectl, or one too old for these kustomizations
  }
}

let failures = 0;
for (const overlay of overlays) {
  const docs = build(join(overlaysDir, overlay));
  writeFileSync(join(out, `${overlay}.yaml`), docs.map((d) => stringify(d)).join('---\n'));
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
      failures++;
    }
  }
  const theirs = kubectlBuild(overlay);
  let compared = 'kubectl not available: not compared';
  if (theirs) {
    const a = byName(docs);
    const b = byName(theirs);
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    if (differ.length) {
      console.error(`${overlay}: kubectl kustomize builds these differently: ${differ.join(', ')}`);
      failures++;
    }
    compared = 'same as kubectl kustomize';
  }
  console.log(`${overlay}: ${kinds.length} of ${docs.length} objects valid (${kinds.join(', ')}); ${compared}`);
}
if (failures) {
  console.error(`${failures} problems`);
  process.exit(1);
}
