// Value generators for the property-based programs (`npm run fuzz`, test/fuzz): mostly values a user would
// write, sometimes the edges a user gets wrong (empty, too long, wrong case, out of range, wrong type, NaN).
// The mix keeps most programs synthesizable so that the checks behind the first error are reached too.
import fc from 'fast-check';

/**
 * Whether generated props may be edges: {@link programs} turns it off for every other batch, so that half the
 * programs are what a careful user writes (they meet the cross-object rules and reach the output) and half
 * hold mistakes.
 */
export const mode = { edges: true };

/**
 * `valid` most of the time, one of `edges` otherwise (never while `mode.edges` is off): about one prop in 25
 * is an edge, so that a program of a few pieces with a dozen props each still synthesizes now and then.
 */
export function mostly<T, E>(valid: fc.Arbitrary<T>, ...edges: fc.Arbitrary<E>[]): fc.Arbitrary<T | E> {
  if (edges.length === 0) return valid;
  return fc.tuple(fc.integer({ min: 0, max: 24 }), valid, fc.oneof(...edges)).map(([roll, v, e]) => (mode.edges && roll === 0 ? e : v));
}

/** An optional prop: given once in `oneIn` programs (default: every other one), else left out. */
export function optional<T>(a: fc.Arbitrary<T>, oneIn = 2): fc.Arbitrary<T | undefined> {
  if (oneIn <= 1) return a;
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
}

/** Values of the wrong type, as an untyped (JavaScript or `as any`) program passes them. */
export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(null, true, {}, [], 'x', 7, -1, NaN, Infinity, [1, 2], { a: 1 });

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = LOWER + '0123456789';

/** A valid DNS-1123 label of 1..`max` characters. */
export function dnsLabel(max = 20): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...LOWER.split('')), fc.string({ unit: fc.constantFrom(...(ALNUM + '-').split('')), maxLength: Math.max(0, max - 2) }), fc.constantFrom(...ALNUM.split('')))
    .map(([a, mid, z]) => (max === 1 ? a : `${a}${mid}${z}`));
}

/** Strings a user gets wrong where a Kubernetes or OpenStack name is expected. */
export const badName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'UPPER', 'a_b', '-lead', 'trail-', 'a.b', '..', '.', 'a b', 'é', '日本', 'a/b', 'x\n', '0'),
  fc.integer({ min: 54, max: 300 }).map((n) => 'a'.repeat(n)),
);

/** A name: usually a valid DNS label from a small pool (so that programs collide now and then), sometimes wrong. */
export const name: fc.Arbitrary<string> = mostly(fc.oneof(fc.constantFrom('web', 'api', 'db', 'cache', 'nginx', 'data', 'cafe'), dnsLabel(12)), badName);

/** A namespace: usually left out or a pool name. */
export const namespace: fc.Arbitrary<string | undefined> = optional(mostly(fc.constantFrom('default', 'apps', 'kube-system', 'team-a'), badName), 3);

/** An integer in [lo, hi] most of the time; otherwise an edge (0, negative, fractional, huge, NaN, wrong type). */
export function int(lo: number, hi: number): fc.Arbitrary<unknown> {
  return mostly(
    fc.integer({ min: lo, max: hi }),
    fc.constantFrom(0, -1, lo - 1, hi + 1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity),
    wrongType,
  );
}

const LABEL_KEYS = ['app', 'tier', 'team', 'app.kubernetes.io/name', 'example.com/role', 'version'];

/** Labels: valid keys and values mostly; sometimes a bad key or value. */
export const labels: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  mostly(fc.constantFrom(...LABEL_KEYS), fc.constantFrom('', 'UP/x', 'a'.repeat(64), '/x', 'kubernetes.io/x', 'bad key')),
  mostly(fc.oneof(dnsLabel(10), fc.constant('')), fc.constantFrom('a'.repeat(64), 'bad value', '-x', 'x_'), wrongType as fc.Arbitrary<string>),
  { maxKeys: 3 },
);

/** A container image reference. */
export const image: fc.Arbitrary<string> = mostly(
  fc.constantFrom('nginx:1.14.2', 'nginx:1.25', 'busybox:1.36', 'redis:7.2', 'registry.example.com/team/app:1.0', 'nvcr.io/nvidia/cuda:12.2.0-base-ubuntu22.04'),
  fc.constantFrom('', 'nginx', 'nginx:latest', 'NGINX:1', 'nginx:', ':1', 'a b:1', 'nginx@sha256:abc'),
);

/** A CIDR block: private most of the time. */
export const cidr: fc.Arbitrary<string> = mostly(
  fc.constantFrom('192.168.0.0/24', '10.0.0.0/16', '172.16.0.0/24', '10.10.0.0/24', '192.168.100.0/24'),
  fc.constantFrom('0.0.0.0/0', '8.8.8.0/24', '169.254.0.0/16', '10.0.0.0/33', '10.0.0.1/24', 'x', '', '300.0.0.0/8', '192.168.0.0'),
);

/** A storage quantity. */
export const quantity: fc.Arbitrary<string> = mostly(
  fc.constantFrom('1Gi', '5Gi', '10Gi', '20Gi', '100Gi', '500Mi'),
  fc.constantFrom('', '0', '-1Gi', '1GB', 'ten', '1.5Gi', '1e3', '0Gi', '100Ti'),
);

/** A small environment: plain values mostly, sometimes secrets or values of the wrong type. */
export const env: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  mostly(fc.constantFrom('MODE', 'PORT', 'LOG_LEVEL', 'DB_HOST', 'FEATURE_X'), fc.constantFrom('', '1X', 'A B', 'DB_PASSWORD', 'API_TOKEN')),
  mostly(
    fc.constantFrom('production', '8080', 'info', 'db.default.svc', 'on', ''),
    fc.constantFrom('hunter2hunter2', 'postgres://admin:s3cretpw@db:5432/app', 'AKIAIOSFODNN7EXAMPLE'),
    wrongType,
  ),
  { maxKeys: 3 },
);
