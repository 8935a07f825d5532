// Finds secret material in synthesized files: private keys, tokens, Secret data, passwords in Terraform
// JSON or container env by name, and by content (secret-content.ts: secretlint's recommended preset and a
// few patterns of nks-cdk's own) in env values, container command and args, ConfigMap data, annotations
// and Terraform literals. Reports where, never what: a finding carries no part of the secret.
import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { fieldPath } from './kubernetes-formats';
import { ContentMatch, findSecretsInStrings } from './secret-content';
import { isLiteralSecretValue } from './secret-patterns';
// Where pod specs sit (Pod, workloads, CronJob, PodTemplate); the scan looks at these shapes in any kind.
import { CONTAINER_LISTS, POD_SPEC_PATHS } from '../model/pod-templates';
import { PLAINTEXT_SECRET_ANNOTATION } from '../model/secret-annotations';

/** One piece of secret material in a file. */
export interface SecretFinding {
  /** The file, relative to the scanned directory. */
  readonly file: string;
  /**
   * What was found: a private key or token anywhere, Secret data, an env var or Terraform attribute named like
   * a secret with a literal value, or (`content-secret`) a value that holds secret material by its content.
   */
  readonly kind: 'private-key' | 'jwt' | 'secret-data' | 'env-secret' | 'terraform-secret' | 'content-secret';
  /** Where in the file: `Secret default/regcred data` or `resource.openstack_compute_instance_v2.vm.admin_pass`. */
  readonly location: string;
  /** Whether the object carries the opt-in annotation. */
  readonly optedIn: boolean;
  /**
   * The field of the Kubernetes object, e.g. `spec.template.spec.containers[0].env[2].value`.
   * @default - not told: the object as a whole, or a Terraform finding (its location is the field)
   */
  readonly field?: string;
  /**
   * For `content-secret`: what the content is, in words, e.g. `an AWS secret access key (secretlint
   * aws/AWSSecretAccessKey)`; never the value.
   * @default - not a content finding
   */
  readonly found?: string;
}

/** Options of {@link scanManifest}. */
export interface ScanManifestOptions {
  /**
   * Objects scanned together with this one, e.g. every object of a program: the strings of all of them are
   * scanned in one call, on the first scan of any of them, and remembered for the others. The same array
   * (by identity) must be passed each time.
   * @default - the object alone
   */
  readonly batch?: readonly Record<string, unknown>[];
}

const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|client[_-]?key|credential)s?$/i;
// nks-cdk's own annotations (suppressions and their reasons, the opt-in marker) hold no user values.
const OWN_ANNOTATION = /^nks-cdk\.io\//;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
/** A Kubernetes object as parsed from YAML or rendered by cdk8s. */
export type Json = Record<string, any>;

function textFindings(text: string, file: string, location: string, optedIn: boolean): SecretFinding[] {
  const out: SecretFinding[] = [];
  if (PRIVATE_KEY.test(text)) out.push({ file, kind: 'private-key', location, optedIn });
  if (JWT.test(text)) out.push({ file, kind: 'jwt', location, optedIn });
  return out;
}

/** Where a finding is: its location in the file and its field in the object. */
interface At {
  readonly location: string;
  readonly field: string;
}

/**
 * A string the content scan looks at, and where a match at an offset of it is (a joined command or args
 * list reports it at the item it falls in). Told only for matches: most strings have none, so their
 * locations and fields are never built.
 */
interface Place {
  readonly text: string;
  at(offset: number): At;
}


function at(doc: Json, keys: readonly string[]): Json | undefined {
  let node: Json | undefined = doc;
  for (const k of keys) node = node && typeof node === 'object' ? node[k] : undefined;
  return node && typeof node === 'object' ? node : undefined;
}

function stringEntries(value: unknown): [string, string][] {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')
    : [];
}

function objectLabel(doc: Json): string {
  const meta = doc.metadata ?? {};
  return `${doc.kind} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`;
}

function annotationPlaces(places: Place[], meta: Json | undefined, metaPath: string, location: () => string): void {
  for (const [key, value] of stringEntries(meta?.annotations)) {
    if (!OWN_ANNOTATION.test(key)) places.push({ text: value, at: () => ({ location: `${location()} ${key}`, field: fieldPath(fieldPath(metaPath, 'annotations'), key) }) });
  }
}

/** A command or args list as one string (a flag and its value are two items); a match is at the item it falls in. */
function listAt(items: readonly unknown[], listPath: () => string, location: () => string): Place {
  const strings = items.map(String);
  return {
    text: strings.join(' '),
    at: (offset) => {
      let i = 0;
      for (let end = strings[0].length; i + 1 < strings.length && end < offset; end += strings[i].length + 1) i++;
      return { location: `${location()}[${i}]`, field: fieldPath(listPath(), i) };
    },
  };
}

/** Env vars named like a secret with a literal value: found by their name. */
function isSecretEnv(env: Json): boolean {
  return SECRET_NAME.test(env.name ?? '') && isLiteralSecretValue(env.value);
}

/**
 * The strings of a Kubernetes object that the content scan reads: annotations (the object's and its pod
 * template's), ConfigMap data, and each container's env values (but those found by name), command and args.
 * Secret data is secret material as a whole, whatever it holds.
 */
function contentPlaces(doc: Json): Place[] {
  const object = (): string => objectLabel(doc);
  const places: Place[] = [];
  annotationPlaces(places, doc.metadata, 'metadata', () => `${object()} annotation`);
  if (doc.kind === 'ConfigMap') {
    // `key=value`, as the env vars a ConfigMap becomes through envFrom: AWS_SECRET_ACCESS_KEY is told by
    // its name, and a file's `password=` lines are lines of it all the same.
    for (const [key, value] of stringEntries(doc.data)) places.push({ text: `${key}=${value}`, at: () => ({ location: `${object()} data ${key}`, field: fieldPath('data', key) }) });
  }
  for (const keys of POD_SPEC_PATHS) {
    const spec = at(doc, keys);
    if (!spec || !Array.isArray(spec.containers)) continue;
    const specPath = keys.join('.');
    if (keys.length > 1) {
      const metaKeys = [...keys.slice(0, -1), 'metadata'];
      annotationPlaces(places, at(doc, metaKeys), metaKeys.join('.'), () => `${object()} pod template annotation`);
    }
    for (const group of CONTAINER_LISTS) {
      (Array.isArray(spec[group]) ? (spec[group] as unknown[]) : []).forEach((c, ci) => {
        if (!c || typeof c !== 'object') return;
        const container = c as Json;
        const env = Array.isArray(container.env) ? (container.env as unknown[]) : [];
        if (env.length === 0 && !Array.isArray(container.command) && !Array.isArray(container.args)) return;
        const containerPath = (): string => fieldPath(fieldPath(specPath, group), ci);
        const location = (): string => `${object()} container ${container.name}`;
        env.forEach((e, ei) => {
          const v = (e ?? {}) as Json;
          if (typeof v.value !== 'string' || v.value === '' || isSecretEnv(v)) return;
          // As a line of a .env file: the AWS secret key rule needs the name before the value.
          places.push({ text: `${v.name}=${v.value}`, at: () => ({ location: `${location()} env ${v.name}`, field: fieldPath(fieldPath(fieldPath(containerPath(), 'env'), ei), 'value') }) });
        });
        for (const list of ['command', 'args']) {
          if (!Array.isArray(container[list])) continue;
          const strings = container[list] as unknown[];
          if (strings.length === 0) continue;
          places.push(listAt(strings, () => fieldPath(containerPath(), list), () => `${location()} ${list}`));
        }
      });
    }
  }
  return places;
}

// The shortest string either pattern matches: `-----BEGIN PRIVATE KEY-----` (27), a token 3 + 8 + 1 + 3 + 8 + 1 + 8 (32).
const SHORTEST_KEY_OR_TOKEN = 27;

/**
 * Whether a string of `value` (a key or a value, at any depth) holds a private key and whether one holds a
 * token: what {@link textFindings} finds in the value's JSON text, since neither pattern can span two
 * strings or match JSON's escapes. Walking the strings skips building that text for every object; strings
 * shorter than a match are skipped.
 */
function keyOrTokenIn(value: unknown, found: { key: boolean; token: boolean }): void {
  if (typeof value === 'string') {
    if (value.length < SHORTEST_KEY_OR_TOKEN) return;
    if (!found.key && value.includes('PRIVATE KEY-----') && PRIVATE_KEY.test(value)) found.key = true;
    if (!found.token && value.includes('eyJ') && JWT.test(value)) found.token = true;
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) keyOrTokenIn(value[i], found);
  } else if (value !== null && typeof value === 'object') {
    for (const k in value) {
      keyOrTokenIn(k, found);
      keyOrTokenIn((value as Json)[k], found);
    }
  }
}

/** What is found in a Kubernetes object by kind and name: private keys and tokens, Secret data, env names. */
function namedFindings(doc: Json, file: string, optedIn: boolean): SecretFinding[] {
  // Built only for a finding: most objects have none.
  const object = (): string => objectLabel(doc);
  const found = { key: false, token: false };
  keyOrTokenIn(doc, found);
  const out: SecretFinding[] = [];
  if (found.key) out.push({ file, kind: 'private-key', location: object(), optedIn });
  if (found.token) out.push({ file, kind: 'jwt', location: object(), optedIn });
  if (doc.kind === 'Secret') {
    for (const field of ['data', 'stringData']) {
      if (doc[field] && Object.keys(doc[field]).length > 0) out.push({ file, kind: 'secret-data', location: `${object()} ${field}`, optedIn });
    }
  }
  for (const keys of POD_SPEC_PATHS) {
    const spec = at(doc, keys);
    if (!spec || !Array.isArray(spec.containers)) continue;
    for (const group of CONTAINER_LISTS) {
      (Array.isArray(spec[group]) ? (spec[group] as unknown[]) : []).forEach((c, ci) => {
        const container = (c ?? {}) as Json;
        (Array.isArray(container.env) ? (container.env as unknown[]) : []).forEach((e, ei) => {
          const env = (e ?? {}) as Json;
          if (typeof env.value !== 'string' || !isSecretEnv(env)) return;
          const field = fieldPath(fieldPath(fieldPath(fieldPath(fieldPath(keys.join('.'), group), ci), 'env'), ei), 'value');
          out.push({ file, kind: 'env-secret', location: `${object()} container ${container.name} env ${env.name}`, optedIn, field });
        });
      });
    }
  }
  return out;
}

/** Findings of one object (or one Terraform file): those found by name, and the strings still to scan. */
interface Unit {
  readonly findings: readonly SecretFinding[];
  readonly places: readonly Place[];
  readonly file: string;
  readonly optedIn: boolean;
  /** Whether findings get a `field` (Kubernetes objects) or only a location (Terraform, where it is the field). */
  readonly withField: boolean;
}

function manifestUnit(doc: Json, file: string, places = contentPlaces(doc)): Unit {
  const optedIn = typeof doc.metadata?.annotations?.[PLAINTEXT_SECRET_ANNOTATION] === 'string';
  return { findings: namedFindings(doc, file, optedIn), places, file, optedIn, withField: true };
}

/** Content findings of `places`, one per place (or per item of a list), from the scan's matches. */
function contentFindings(unit: Unit, matchesOf: (text: string) => readonly ContentMatch[]): SecretFinding[] {
  const out: SecretFinding[] = [];
  for (const place of unit.places) {
    const matches = matchesOf(place.text);
    if (matches.length === 0) continue;
    const byField = new Map<string, { location: string; found: string[] }>();
    for (const m of matches) {
      const { location, field } = place.at(m.start);
      const entry = byField.get(field) ?? { location, found: [] };
      if (!entry.found.includes(m.what)) entry.found.push(m.what);
      byField.set(field, entry);
    }
    for (const [field, { location, found }] of byField) {
      out.push({ file: unit.file, kind: 'content-secret', location, optedIn: unit.optedIn, ...(unit.withField ? { field } : {}), found: found.join('; ') });
    }
  }
  return out;
}

/** The content scan's results for strings, filled a batch at a time. */
class ContentScan {
  private readonly known = new Map<string, ContentMatch[]>();
  /** The places of a batch's objects, found for the batch's scan and reused by each object's. */
  public readonly placesOf = new Map<object, Place[]>();

  /** Scans, in one call, the strings not scanned yet. */
  public add(texts: readonly string[]): this {
    if (texts.every((t) => this.known.has(t))) return this;
    const missing = [...new Set(texts)].filter((t) => !this.known.has(t));
    if (missing.length > 0) findSecretsInStrings(missing).forEach((found, i) => this.known.set(missing[i], found));
    return this;
  }

  public readonly matches = (text: string): readonly ContentMatch[] => this.known.get(text) ?? [];
}

/** Every unit's findings, in order, with one content scan for all of them. */
function resolve(units: readonly Unit[], scan = new ContentScan()): SecretFinding[][] {
  scan.add(units.flatMap((u) => u.places.map((p) => p.text)));
  return units.map((u) => [...u.findings, ...contentFindings(u, scan.matches)]);
}

const scansByBatch = new WeakMap<object, ContentScan>();

function scanOfBatch(batch: readonly Record<string, unknown>[]): ContentScan {
  let scan = scansByBatch.get(batch);
  if (!scan) {
    const batchScan = new ContentScan();
    for (const doc of batch) if (doc && typeof doc === 'object') batchScan.placesOf.set(doc, contentPlaces(doc));
    scan = batchScan.add([...batchScan.placesOf.values()].flatMap((places) => places.map((p) => p.text)));
    scansByBatch.set(batch, scan);
  }
  return scan;
}

/** Findings in one Kubernetes object. */
export function scanManifest(doc: Json, file: string, options: ScanManifestOptions = {}): SecretFinding[] {
  if (!doc || typeof doc !== 'object') return [];
  const scan = options.batch ? scanOfBatch(options.batch) : new ContentScan();
  return resolve([manifestUnit(doc, file, scan.placesOf.get(doc))], scan)[0];
}

function walkTerraform(node: unknown, at: string, file: string, out: SecretFinding[], places: Place[]): void {
  if (Array.isArray(node)) node.forEach((n, i) => walkTerraform(n, `${at}[${i}]`, file, out, places));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const here = at ? `${at}.${key}` : key;
      if (typeof value !== 'string') walkTerraform(value, here, file, out, places);
      // A reference (`${...}`) is not secret material: Terraform fills it from state at apply.
      else if (SECRET_NAME.test(key) && value !== '' && !value.includes('${')) out.push({ file, kind: 'terraform-secret', location: here, optedIn: false });
      // `name=value`, as for env vars: an attribute's name can be what tells a key (secret_access_key).
      else if (value !== '') places.push({ text: `${key}=${value}`, at: () => ({ location: here, field: here }) });
    }
  }
}

/** The units of one synthesized file: its objects, or its Terraform configuration. */
function fileUnits(fullPath: string, file: string): Unit[] {
  if (/\.ya?ml$/.test(fullPath)) {
    return (Yaml.load(fullPath) as Json[]).filter((doc) => doc && typeof doc === 'object').map((doc) => manifestUnit(doc, file));
  }
  const text = fs.readFileSync(fullPath, 'utf8');
  const findings: SecretFinding[] = textFindings(text, file, 'file', false);
  const places: Place[] = [];
  if (/\.json$/.test(fullPath)) {
    try {
      const json = JSON.parse(text) as Json;
      // The `//` metadata and outputs hold no literal values worth scanning.
      for (const section of ['provider', 'resource', 'data', 'variable', 'locals']) walkTerraform(json[section], section, file, findings, places);
    } catch {
      // not JSON after all: the text scan above is all there is
    }
  }
  return [{ findings, places, file, optedIn: false, withField: false }];
}

/** Findings in one synthesized file (`*.k8s.yaml`, `cdk.tf.json` or anything else, by its text). */
export function scanFileForSecrets(fullPath: string, file = path.basename(fullPath)): SecretFinding[] {
  return resolve(fileUnits(fullPath, file)).flat();
}

/** Findings in every file under `dir`, in path order, with one content scan for all files. */
export function scanDirForSecrets(dir: string): SecretFinding[] {
  const files = (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
  return resolve(files.flatMap((f) => fileUnits(path.join(dir, f), f))).flat();
}
