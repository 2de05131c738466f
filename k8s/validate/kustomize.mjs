// The part of kustomize these manifests use, so the build needs no kubectl (Debian 12's is 1.20, whose kustomize
// predates `labels:`): resources (files and directories with a kustomization.yaml), namespace, labels (pairs, not into
// selectors or templates) and patches (strategic merge: maps merge, lists of named items merge by name, other lists
// and values replace). validate.mjs compares the result with `kubectl kustomize` wherever a recent kubectl exists.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** Kubernetes reads YAML 1.1: 0400 is octal there (a file mode), decimal in YAML 1.2. */
export const YAML_11 = { version: '1.1' };

function isMap(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function merge(target, patch) {
  if (!isMap(target) || !isMap(patch)) {
    return structuredClone(patch);
  }
  const out = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      delete out[k];
    } else if (Array.isArray(v) && Array.isArray(out[k]) && v.every((i) => isMap(i) && 'name' in i)) {
      const merged = out[k].map((i) => structuredClone(i));
      for (const item of v) {
        const at = merged.findIndex((i) => isMap(i) && i.name === item.name);
        if (at >= 0) {
          merged[at] = merge(merged[at], item);
        } else {
          merged.push(structuredClone(item));
        }
      }
      out[k] = merged;
    } else {
      out[k] = merge(out[k], v);
    }
  }
  return out;
}

export function build(dir) {
  const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'), YAML_11);
  let objects = [];
  for (const r of k.resources ?? []) {
    const path = join(dir, r);
    if (existsSync(join(path, 'kustomization.yaml'))) {
      objects.push(...build(path));
    } else {
      objects.push(...parseAllDocuments(readFileSync(path, 'utf8'), YAML_11).map((d) => d.toJS()));
    }
  }
  for (const p of k.patches ?? []) {
    for (const patch of parseAllDocuments(readFileSync(join(dir, p.path), 'utf8'), YAML_11).map((d) => d.toJS())) {
      const at = objects.findIndex((o) => o.kind === patch.kind && o.metadata?.name === patch.metadata?.name);
      if (at < 0) {
        throw new Error(`${dir}: patch ${p.path} names ${patch.kind}/${patch.metadata?.name}, which no resource is`);
      }
      objects[at] = merge(objects[at], patch);
    }
  }
  for (const l of k.labels ?? []) {
    if (l.includeSelectors || l.includeTemplates) {
      throw new Error(`${dir}: labels into selectors or templates are not supported here`);
    }
    objects = objects.map((o) => ({ ...o, metadata: { ...o.metadata, labels: { ...(o.metadata.labels ?? {}), ...l.pairs } } }));
  }
  if (k.namespace) {
    objects = objects.map((o) => ({ ...o, metadata: { ...o.metadata, namespace: k.namespace } }));
  }
  return objects;
}

export const overlaysDir = join(dirname(new URL(import.meta.url).pathname), '..', 'overlays');
