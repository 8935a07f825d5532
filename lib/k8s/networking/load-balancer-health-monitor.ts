// The health check of an NHN load balancer's members (`healthmonitor-*` annotations), split from
// load-balancer.ts: NHN's ranges, and the combinations it would silently change instead of refusing.
import { at, fail, Where } from '../../model/errors';
import { checkChoice } from '../../model/choices';
import { checkIntegerInRange } from '../../model/numbers';
import { checkPortNumber } from '../container';
import type { HealthMonitorOptions, HealthMonitorType } from './load-balancer';

const MONITOR_TYPES: readonly HealthMonitorType[] = ['TCP', 'HTTP', 'HTTPS'];
// NHN's health check delay is 60 s unless set; the timeout rule compares against it.
const DEFAULT_HEALTH_DELAY = 60;
// A single code (200), a list (200,202) or a range (200-204), as NHN documents it.
const EXPECTED_CODES = /^[1-5][0-9]{2}(?:(?:,[1-5][0-9]{2})+|-[1-5][0-9]{2})?$/;
// A host name for the Host header: dot-separated labels of letters, digits and '-' (not at a label's ends),
// at most 253 characters; no scheme, port or path (the load balancer sends it as the whole header value).
const HOST_HEADER = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Validates health check options (reported under `where`) and writes them through `put` (key without prefix). */
export function renderHealthMonitor(hm: HealthMonitorOptions, where: Where, put: (key: string, value: string | number | undefined) => void): void {
  const type = hm.type === undefined ? undefined : checkChoice(hm.type, MONITOR_TYPES, at(where, 'type'), 'a health check type');
  put('healthmonitor-type', type);
  const delay = hm.delaySeconds === undefined ? undefined : checkIntegerInRange(hm.delaySeconds, at(where, 'delaySeconds'), { min: 1, max: 5000 }, 'a health check interval', 's');
  put('healthmonitor-delay', delay);
  if (hm.timeoutSeconds !== undefined) {
    const effectiveDelay = delay ?? DEFAULT_HEALTH_DELAY;
    // NHN halves the delay when timeout ≥ delay instead of failing: reject it here so the check does what was written.
    const timeout = checkIntegerInRange(hm.timeoutSeconds, at(where, 'timeoutSeconds'), { min: 1, max: 5000 }, 'a health check timeout', 's');
    if (timeout >= effectiveDelay) {
      fail(
        at(where, 'timeoutSeconds'),
        timeout,
        `a health check timeout must be less than the interval (delaySeconds = ${effectiveDelay}${delay === undefined ? ', NHN\'s default' : ''})`,
        `use timeoutSeconds ≤ ${effectiveDelay - 1}, or raise delaySeconds`,
      );
    }
    put('healthmonitor-timeout', timeout);
  }
  if (hm.maxRetries !== undefined) put('healthmonitor-max-retries', checkIntegerInRange(hm.maxRetries, at(where, 'maxRetries'), { min: 1, max: 10 }, 'health check retries'));
  const isHttp = type === 'HTTP' || type === 'HTTPS';
  for (const field of ['httpUrl', 'expectedCodes', 'httpHostHeader'] as const) {
    if (hm[field] !== undefined && !isHttp) {
      fail(at(where, field), hm[field], `${field} applies only to HTTP and HTTPS health checks`, 'set healthMonitor.type to "HTTP" or "HTTPS", or remove it');
    }
  }
  if (hm.httpUrl !== undefined) {
    if (typeof hm.httpUrl !== 'string' || !hm.httpUrl.startsWith('/') || /\s/.test(hm.httpUrl)) {
      fail(at(where, 'httpUrl'), hm.httpUrl, 'the health check URL is a path starting with "/" without spaces (NHN silently uses "/" otherwise)', 'use e.g. "/healthz"');
    }
    put('healthmonitor-http-url', hm.httpUrl);
  }
  if (hm.expectedCodes !== undefined) {
    if (typeof hm.expectedCodes !== 'string' || !EXPECTED_CODES.test(hm.expectedCodes)) {
      fail(at(where, 'expectedCodes'), hm.expectedCodes, 'expected codes are one HTTP status (200), a list (200,202) or a range (200-204)', 'use e.g. "200" or "200-399"');
    }
    const [low, high] = hm.expectedCodes.split('-').map(Number);
    if (high !== undefined && low > high) {
      fail(at(where, 'expectedCodes'), hm.expectedCodes, 'a range of expected codes runs from the lower code to the higher', `write "${high}-${low}"`);
    }
    put('healthmonitor-http-expected-code', hm.expectedCodes);
  }
  if (hm.httpHostHeader !== undefined && (typeof hm.httpHostHeader !== 'string' || !HOST_HEADER.test(hm.httpHostHeader))) {
    fail(at(where, 'httpHostHeader'), hm.httpHostHeader, 'the health check host header is a domain name: dot-separated labels of letters, digits and "-", at most 253 characters, without scheme, port or path', 'use e.g. "www.example.com"');
  }
  put('healthmonitor-http-host-header', hm.httpHostHeader);
  if (hm.port !== undefined) put('healthmonitor-health-check-port', checkPortNumber(hm.port, at(where, 'port')));
}
