// The Gateway API CustomResourceDefinitions nks-cdk builds objects for, vendored unchanged from
// kubernetes-sigs/gateway-api (config/crd/standard/, standard channel) at the version and commit recorded in
// crds/crds.json: v1.4.1, the version NGINX Gateway Fabric 2.3 supports (NKS-FACTS, "Added 2026-12-04").
// NGINX Gateway Fabric's own CRDs are vendored beside them (crds/nginx-gateway-fabric/, nginx/nginx-gateway-fabric
// config/crd/bases at v2.3.0). They serve two purposes: the strict output check validates the custom
// resources against their openAPIV3Schema (lib/checks/kubernetes-crds.ts), and NginxGatewayFabric installs them.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';

/** What crds/crds.json records about the vendored files. */
export interface GatewayApiCrdRecord {
  readonly project: string;
  readonly version: string;
  readonly commit: string;
  readonly channel: string;
  readonly files: Readonly<Record<string, string>>;
}

/** A CustomResourceDefinition as parsed from YAML (only the fields nks-cdk reads are typed). */
export interface CustomResourceDefinition {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly annotations?: Record<string, string> };
  readonly spec: {
    readonly group: string;
    readonly names: { readonly kind: string; readonly plural: string };
    readonly scope: 'Namespaced' | 'Cluster';
    readonly versions: readonly { readonly name: string; readonly served: boolean; readonly storage: boolean; readonly schema?: { readonly openAPIV3Schema?: Record<string, unknown> } }[];
  };
}

// From lib/k8s/gateway (ts-jest, ts-node) or build/lib/k8s/gateway (compiled): the YAML files are not compiled.
function crdDir(sub: string): string {
  const candidates = [path.resolve(__dirname, 'crds', sub), path.resolve(__dirname, '..', '..', '..', '..', 'lib', 'k8s', 'gateway', 'crds', sub)];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'crds.json')));
  if (!found) throw new Error(`the vendored CRDs are missing (looked in ${candidates.join(', ')})`);
  return found;
}

interface CrdSet {
  readonly record: GatewayApiCrdRecord;
  readonly crds: CustomResourceDefinition[];
}

const cache = new Map<string, CrdSet>();

function load(sub: '' | 'nginx-gateway-fabric'): CrdSet {
  const cached = cache.get(sub);
  if (cached) return cached;
  const dir = crdDir(sub);
  const record = JSON.parse(fs.readFileSync(path.join(dir, 'crds.json'), 'utf8')) as GatewayApiCrdRecord;
  const crds = Object.entries(record.files).map(([file, sha256]) => {
    const raw = fs.readFileSync(path.join(dir, file));
    const digest = crypto.createHash('sha256').update(raw).digest('hex');
    if (digest !== sha256) throw new Error(`${file}: sha256 ${digest} does not match crds.json (${sha256}); the vendored CRD was changed`);
    return jsyaml.load(raw.toString('utf8')) as CustomResourceDefinition;
  });
  const set = { record, crds };
  cache.set(sub, set);
  return set;
}

const copy = (crds: readonly CustomResourceDefinition[]) => crds.map((c) => JSON.parse(JSON.stringify(c)) as CustomResourceDefinition);

/** The Gateway API version and upstream commit the vendored Gateway API CRDs are from. */
export function gatewayApiCrdRecord(): GatewayApiCrdRecord {
  return load('').record;
}

/** The vendored Gateway API CRDs (GatewayClass, Gateway, HTTPRoute, ReferenceGrant), parsed; fresh copies. */
export function gatewayApiCrds(): CustomResourceDefinition[] {
  return copy(load('').crds);
}

/** The NGINX Gateway Fabric version and commit its vendored CRDs (crds/nginx-gateway-fabric/) are from. */
export function nginxGatewayFabricCrdRecord(): GatewayApiCrdRecord {
  return load('nginx-gateway-fabric').record;
}

/** NGINX Gateway Fabric's own CRDs (gateway.nginx.org: NginxGateway, NginxProxy, policies, SnippetsFilter); fresh copies. */
export function nginxGatewayFabricCrds(): CustomResourceDefinition[] {
  return copy(load('nginx-gateway-fabric').crds);
}

/**
 * The openAPIV3Schema of kind `kind` at `apiVersion` (`group/version`, a served version) in the vendored
 * CRDs (Gateway API and NGINX Gateway Fabric); undefined for any other kind.
 */
export function findVendoredCrdSchema(apiVersion: string, kind: string): Record<string, unknown> | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  const group = apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const sets = group === 'gateway.networking.k8s.io' ? [load('')] : group === 'gateway.nginx.org' ? [load('nginx-gateway-fabric')] : [];
  const crd = sets.flatMap((s) => s.crds).find((c) => c.spec.group === group && c.spec.names.kind === kind);
  return crd?.spec.versions.find((v) => v.name === version && v.served)?.schema?.openAPIV3Schema;
}
