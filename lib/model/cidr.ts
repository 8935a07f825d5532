import { fail, Where } from './errors';

/** An IPv4 CIDR block. Addresses are unsigned 32-bit numbers so ranges compare with `<`. */
export interface Cidr {
  /** Normalized text, e.g. `10.0.0.0/16`. */
  readonly text: string;
  /** Network address. */
  readonly network: number;
  /** Prefix length, 0–32. */
  readonly prefix: number;
  /** First address of the block (the network address). */
  readonly first: number;
  /** Last address of the block (the broadcast address). */
  readonly last: number;
}

/** A range that a cluster's subnet, pod range and service range must stay out of. */
export interface ReservedCidr {
  /** What the range is, for messages. */
  readonly name: string;
  /** The range. */
  readonly cidr: Cidr;
}

/** One range in a {@link checkNoOverlap} call. */
export interface NamedCidr {
  /** What the range is, for messages: `pod range`. */
  readonly name: string;
  /** The range. */
  readonly cidr: Cidr;
  /** Where the range was given; an overlap is reported at the earlier entry of the pair. */
  readonly where: Where;
}

const CIDR_SHAPE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const ADDRESS_ONLY = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const OCTET_NAMES = ['first', 'second', 'third', 'fourth'];

/**
 * Parses an IPv4 CIDR (`10.0.0.0/16`). Host bits must be zero: `10.0.0.1/16` is refused (with the
 * normalized block as the fix) because NKS and Neutron either reject it or silently move it.
 */
export function parseCidr(text: string, where: Where): Cidr {
  const shape = 'an IPv4 CIDR is four dot-separated numbers 0–255, a "/" and a prefix length 0–32, e.g. 10.0.0.0/16';
  const match = typeof text === 'string' ? CIDR_SHAPE.exec(text) : null;
  if (!match) {
    const fix =
      typeof text === 'string' && ADDRESS_ONLY.test(text)
        ? `add the prefix length: ${text}/32 for one address, or the block it belongs to, e.g. ${text.replace(/\.\d+$/, '.0')}/24`
        : 'write it like 10.0.0.0/16 or 192.168.0.0/24 (IPv6 is not supported here)';
    fail(where, text, shape, fix);
  }
  const octetTexts = match.slice(1, 5);
  const octets = octetTexts.map(Number);
  octets.forEach((octet, i) => {
    if (octet > 255) fail(where, text, `${shape}; the ${OCTET_NAMES[i]} number is ${octet}`, 'keep every number from 0 to 255');
    // Leading zeros read as octal in some tools (inet_aton) and are refused by others (Go, hence Terraform).
    if (octetTexts[i].length > 1 && octetTexts[i].startsWith('0')) {
      fail(where, text, `${shape}; the ${OCTET_NAMES[i]} number has a leading zero, which some tools read as octal`, `write ${octets.join('.')}/${match[5]}`);
    }
  });
  const prefix = Number(match[5]);
  if (prefix > 32) fail(where, text, `${shape}; the prefix length is ${prefix}`, 'use a prefix length from 0 to 32, e.g. /16 or /24');
  const address = octets.reduce((acc, o) => ((acc << 8) | o) >>> 0, 0);
  const cidr = cidrOf(address, prefix);
  if (cidr.network !== address) {
    fail(where, text, `${text} has host bits set: a /${prefix} block starts at ${formatAddress(cidr.network)}`, `write ${cidr.text}`);
  }
  return cidr;
}

/** True when the two blocks share at least one address (adjacent blocks do not overlap). */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** True when every address of `inner` is in `outer` (a block contains itself). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** Renders an unsigned 32-bit address as dotted quad. */
export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.');
}

/**
 * Fails on the first pair of overlapping ranges, naming both and suggesting a free block of the same
 * size. The error is reported at the earlier entry's `where`, so list the user's own ranges before
 * fixed ones such as {@link RESERVED_CIDRS}.
 */
export function checkNoOverlap(entries: readonly NamedCidr[]): void {
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, b] = [entries[i], entries[j]];
      if (!cidrsOverlap(a.cidr, b.cidr)) continue;
      const free = freeBlock(a.cidr.prefix, entries.map((e) => e.cidr));
      fail(
        a.where,
        a.cidr.text,
        `the ${a.name} ${a.cidr.text} (${describeSpan(a.cidr)}) overlaps the ${b.name} ${b.cidr.text} (${describeSpan(b.cidr)}); the ranges must not overlap`,
        free ? `choose a ${a.name} outside ${b.cidr.text}, e.g. ${free.text}` : `choose a ${a.name} outside ${b.cidr.text}`,
      );
    }
  }
}

const WHERE_BUILT_IN: Where = { path: 'nks-cdk/model', field: 'RESERVED_CIDRS' };

/**
 * Ranges NKS reserves: no cluster subnet, pod range or service range may overlap them. Source:
 * TOAST-DOCS/Container-Kubernetes `ko/public-api.md`, cluster creation notes (as of 2026-11-23).
 */
export const RESERVED_CIDRS: readonly ReservedCidr[] = Object.freeze([
  { name: 'link-local range', cidr: parseCidr('169.254.0.0/16', WHERE_BUILT_IN) },
  { name: 'range NKS uses internally', cidr: parseCidr('198.18.0.0/19', WHERE_BUILT_IN) },
]);

/**
 * Docker's default bridge range, reserved on NKS clusters of v1.23.3 and older only (same source as
 * {@link RESERVED_CIDRS}); every creatable version uses containerd, so it is not in that list.
 */
export const LEGACY_DOCKER_BRIDGE_CIDR: ReservedCidr = Object.freeze({
  name: 'Docker bridge range (clusters up to v1.23.3)',
  cidr: parseCidr('172.17.0.0/16', WHERE_BUILT_IN),
});

/**
 * Longest prefix NKS accepts for the subnet, pod range and service range ("/24보다 큰 CIDR 블록은
 * 입력할 수 없습니다": /26 or /30 are refused). Same source as {@link RESERVED_CIDRS}.
 */
export const NKS_MAX_CIDR_PREFIX = 24;

/** Returns `cidr` when its prefix is at most `maxPrefix` (i.e. the block is at least that large). */
export function checkMaxPrefix(cidr: Cidr, maxPrefix: number, where: Where): Cidr {
  if (cidr.prefix <= maxPrefix) return cidr;
  const widened = cidrOf(cidr.network, maxPrefix);
  return fail(where, cidr.text, `the block must be /${maxPrefix} or larger (a prefix length of at most ${maxPrefix}); ${cidr.text} is a /${cidr.prefix}`, `use ${widened.text} or a larger block`);
}

function cidrOf(address: number, prefix: number): Cidr {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const network = (address & mask) >>> 0;
  const last = (network | (~mask >>> 0)) >>> 0;
  return { text: `${formatAddress(network)}/${prefix}`, network, prefix, first: network, last };
}

function describeSpan(cidr: Cidr): string {
  return `${formatAddress(cidr.first)}–${formatAddress(cidr.last)}`;
}

/**
 * The private (RFC 1918) ranges, the only ones an NHN VPC may use: "모든 VPC는 프라이빗 네트워크를 구성할 수
 * 있는 아래 3개의 주소 영역에 있어야 하며 링크 로컬 주소는 사용할 수 없습니다" (every VPC lies in one of these
 * three ranges; link-local addresses cannot be used), with 192.253.0.0/24 and 172.16.0.0/8 given as refused
 * examples. Source: TOAST-DOCS/Network-VPC `ko/console-guide.md` lines 8–37 (commit 4bc11da). Also the order
 * suggestions are searched in.
 */
export const PRIVATE_CIDRS: readonly Cidr[] = Object.freeze(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c, WHERE_BUILT_IN)));
// The link-local range, named when a block overlaps it (same source: "169.254.0.0/16에 포함되는 ... 사용할 수 없습니다").
const LINK_LOCAL = parseCidr('169.254.0.0/16', WHERE_BUILT_IN);

/**
 * Returns `cidr` when it lies inside one of the private ranges ({@link PRIVATE_CIDRS}); otherwise fails,
 * saying how it misses them (every address, the link-local range, beyond a private range, outside them) and
 * suggesting a private block of the same size. `what` names the block for the rule ("a VPC subnet").
 */
export function checkPrivateCidr(cidr: Cidr, where: Where, what: string): Cidr {
  if (PRIVATE_CIDRS.some((r) => cidrContains(r, cidr))) return cidr;
  const ranges = `${PRIVATE_CIDRS.slice(0, -1).map((r) => r.text).join(', ')} or ${PRIVATE_CIDRS[PRIVATE_CIDRS.length - 1].text}`;
  const overlapped = PRIVATE_CIDRS.find((r) => cidrsOverlap(r, cidr));
  const kind =
    cidr.prefix === 0 ? 'is every IPv4 address'
    : cidrsOverlap(cidr, LINK_LOCAL) ? `takes in the link-local range ${LINK_LOCAL.text}, which NHN VPC refuses`
    : overlapped ? `reaches beyond ${overlapped.text} (${describeSpan(cidr)})`
    : `lies outside them (${describeSpan(cidr)})`;
  const sameSize = suggestPrivate(cidr.prefix);
  return fail(
    where,
    cidr.text,
    `${what} lies inside a private range (${ranges}), as NHN VPC requires; ${cidr.text} ${kind}`,
    sameSize ? `use a private block of the same size, e.g. ${sameSize.text}` : `use a private block, at most ${PRIVATE_CIDRS[0].text}`,
  );
}

/** The first block of size `/prefix` in the private ranges that fits one (largest-numbered range first: 192.168, 172.16, 10). */
function suggestPrivate(prefix: number): Cidr | undefined {
  const range = [...PRIVATE_CIDRS].reverse().find((r) => prefix >= r.prefix);
  return range ? cidrOf(range.network, prefix) : undefined;
}
// Enough to step past a handful of taken ranges without scanning a whole /8 of /30s.
const SEARCH_LIMIT = 4096;

/** The first block of size `/prefix` in the private ranges that overlaps none of `taken`. */
function freeBlock(prefix: number, taken: readonly Cidr[]): Cidr | undefined {
  for (const range of PRIVATE_CIDRS) {
    if (prefix < range.prefix) continue;
    const step = 2 ** (32 - prefix);
    for (let n = 0, address = range.first; n < SEARCH_LIMIT && address <= range.last; n++, address += step) {
      const candidate = cidrOf(address, prefix);
      if (!taken.some((t) => cidrsOverlap(t, candidate))) return candidate;
    }
  }
  return undefined;
}

/**
 * Returns `text` when it is one IPv4 address (`8.8.8.8`): four numbers 0–255 without leading zeros.
 * `what` names the value for the rule ("a DNS name server"). Messages show the value as given.
 */
export function checkIpv4Address(text: string, where: Where, what: string): string {
  const shape = `${what} is an IPv4 address: four dot-separated numbers 0–255, e.g. 8.8.8.8`;
  if (typeof text !== 'string' || !ADDRESS_ONLY.test(text)) {
    fail(where, text, shape, typeof text === 'string' && /\/\d+$/.test(text) ? `write the address without the prefix length: ${text.replace(/\/\d+$/, '')}` : 'write the address in dotted form, e.g. 8.8.8.8 (host names and IPv6 are not accepted here)');
  }
  const octetTexts = text.split('.');
  octetTexts.forEach((octetText, i) => {
    const octet = Number(octetText);
    if (octet > 255) fail(where, text, `${shape}; the ${OCTET_NAMES[i]} number is ${octet}`, 'keep every number from 0 to 255');
    if (octetText.length > 1 && octetText.startsWith('0')) {
      fail(where, text, `${shape}; the ${OCTET_NAMES[i]} number has a leading zero, which some tools read as octal`, `write ${octetTexts.map(Number).join('.')}`);
    }
  });
  return text;
}
