// Host names of Ingress rules, Gateway listeners and HTTPRoutes: one check, shared by both APIs.
import { Where, fail } from '../../model/errors';
import { checkDnsSubdomain } from '../../model/names';
import { rejectIpAddress } from './service';

/** Validates an Ingress host: a lowercase DNS name, optionally starting with `*.`, not an IP address. */
export function checkHost(host: string, where: Where): string {
  rejectIpAddress(host, where, 'an Ingress host is a DNS name, not an IP address', 'remove host (any host, the guide\'s URI fanout) or use a DNS name');
  if (typeof host === 'string' && /:\d+$/.test(host)) fail(where, host, 'an Ingress host has no port', `use "${host.replace(/:\d+$/, '')}"`);
  checkDnsSubdomain(typeof host === 'string' && host.startsWith('*.') ? host.slice(2) : host, where);
  return host;
}
