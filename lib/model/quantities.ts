import { fail, Where } from './errors';

/** An exact quantity value `num / den`; BigInt so that "100m" and "0.1" compare equal without rounding. */
export interface QuantityValue {
  /** Numerator (carries the sign). */
  readonly num: bigint;
  /** Denominator, always positive. */
  readonly den: bigint;
}

// The serialization Kubernetes parses (k8s.io/apimachinery pkg/api/resource/quantity.go): sign, decimal
// number, then one suffix of binary SI (Ki..Ei), decimal SI (n u m k M G T P E) or a decimal exponent.
// kubernetes-models' "quantity" format is looser (it allows Y, Z, h, da, ...), which the API server rejects.
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;
const SUFFIX_POWERS: Readonly<Record<string, readonly [base: bigint, exp: bigint]>> = {
  Ki: [2n, 10n], Mi: [2n, 20n], Gi: [2n, 30n], Ti: [2n, 40n], Pi: [2n, 50n], Ei: [2n, 60n],
  n: [10n, -9n], u: [10n, -6n], m: [10n, -3n], k: [10n, 3n], M: [10n, 6n], G: [10n, 9n], T: [10n, 12n], P: [10n, 15n], E: [10n, 18n],
};

/** Parses a Kubernetes quantity (string like "500m", "1.5Gi", "1e3", or a JSON number); undefined when invalid. */
export function parseQuantity(value: unknown): QuantityValue | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [whole, fraction = ''] = m[2].split('.');
  let num = BigInt((whole || '0') + fraction) * (m[1] === '-' ? -1n : 1n);
  let den = 10n ** BigInt(fraction.length);
  const [base, exp] = m[3] ? SUFFIX_POWERS[m[3]] : [10n, m[4] ? BigInt(m[4]) : 0n];
  // Exponents this large are not real resource amounts; refuse them instead of building huge BigInts.
  if (exp > 1000n || exp < -1000n) return undefined;
  if (exp >= 0n) num *= base ** exp;
  else den *= base ** -exp;
  return { num, den };
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareQuantities(a: QuantityValue, b: QuantityValue): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether the quantity is a whole number (extended resources such as nvidia.com/gpu must be). */
export function isWholeQuantity(q: QuantityValue): boolean {
  return q.num % q.den === 0n;
}

const GIB = 2n ** 30n;

/** The quantity in GiB, rounded up: what Cinder allocates for it (Cinder sizes volumes in whole GiB). */
export function ceilGibibytes(q: QuantityValue): number {
  const unit = q.den * GIB;
  const whole = q.num / unit;
  return Number(whole * unit === q.num || q.num < 0n ? whole : whole + 1n);
}

/** A quantity of whole GiB, e.g. a Cinder volume's size (its console says GB; Cinder counts GiB). */
export function gibibytes(count: number): StorageSize {
  return { quantity: `${count}Gi`, value: { num: BigInt(count) * GIB, den: 1n } };
}

/** A storage amount checked as a Kubernetes quantity, as written and as an exact value. */
export interface StorageSize {
  /** The quantity as it lands in the manifest, e.g. `"10Gi"` or `"500M"`. */
  readonly quantity: string;
  /** Its exact value in bytes, for comparisons. */
  readonly value: QuantityValue;
}

const STORAGE_FORMS = 'a number with an optional binary suffix (Ki, Mi, Gi, Ti, Pi, Ei) or decimal suffix (k, M, G, T, P, E), like "10Gi" or "500M"';

/**
 * Returns `value` as a {@link StorageSize} when it is a positive Kubernetes quantity. Any quantity the API
 * server accepts is allowed ("1.5Gi", "500M", "2Ti"), not only whole GiB. A plain number is refused: the
 * API would read `10` as ten bytes, which is never what a storage size means.
 *
 * @param what what the size is, for the message: `"a claim's storage request"`
 */
export function checkStorageSize(value: string, where: Where, what = 'a storage size'): StorageSize {
  if (typeof value === 'number') {
    fail(where, value, `${what} is a Kubernetes quantity string; a bare number would mean bytes`, `write the unit, e.g. "${value}Gi"`);
  }
  const text = typeof value === 'string' ? value.trim() : value;
  const parsed = parseQuantity(text);
  if (typeof text !== 'string' || !parsed) {
    fail(where, value, `${what} must be ${STORAGE_FORMS}`, suggestQuantity(value));
  }
  if (parsed.num <= 0n) {
    fail(where, value, `${what} must be greater than zero`, 'give the size the volume needs, e.g. "10Gi"');
  }
  return { quantity: text, value: parsed };
}

/** A fix for a near-miss quantity: "10GB" → "10G" or "10Gi", "10 gi" → "10Gi". */
function suggestQuantity(value: unknown): string {
  const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([kmgtpe])(i?)(b?)\s*$/i.exec(value) : null;
  if (m) {
    const [, number, prefix, binary] = m;
    const upper = prefix.toLowerCase() === 'k' ? 'k' : prefix.toUpperCase();
    const binaryForm = `${number}${prefix.toUpperCase()}i`;
    return binary ? `write ${JSON.stringify(binaryForm)}` : `write ${JSON.stringify(binaryForm)} (binary, as Kubernetes shows sizes) or ${JSON.stringify(`${number}${upper}`)} (decimal)`;
  }
  return 'write a quantity such as "10Gi" (gibibytes) or "500Mi" (mebibytes)';
}
