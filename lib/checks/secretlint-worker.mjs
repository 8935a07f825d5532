// The secretlint side of the secret scan (lib/checks/secret-content.ts). secretlint is ESM-only and its
// lintSource is async; the scan is synchronous and runs in CommonJS (and under jest, whose module system
// cannot load ESM). So it runs here, in a worker thread that Node loads natively: the main thread posts
// every string of one scan in one message and blocks on a shared Int32Array until the reply is posted.
// Plain JavaScript, because no TypeScript loader runs in the worker: tsc emits this file into build/ as it
// is, give or take whitespace (tsconfig.json `allowJs`), and the tests load it from lib/.
//
// Reply: where each string matched, as [string index, start, end, rule id, message id]. Never the text
// matched nor secretlint's message, so nothing posted back holds a secret.
import { workerData } from 'node:worker_threads';

const { port, signal } = workerData;

// Strings are joined into one source per chunk: one lintSource per string costs about 0.1 ms of rule setup
// each (measured: 4,000 strings in 500 ms one by one, 30 ms joined). "\n\0\n" ends every pattern of the
// preset: they stop at whitespace or at characters outside their alphabets, and NUL is in none of them.
const SEPARATOR = '\n\u0000\n';
// secretlint drops duplicate messages by comparing every pair (core/module/messages/filter-duplicated-process.js),
// so the cost of a source grows with the square of its findings: chunks keep that square small.
const CHUNK_STRINGS = 1000;
const CHUNK_CHARS = 256 * 1024;

/** @type {Promise<{ lintSource: Function, config: object }> | undefined} */
let loading;

// Rules of the preset left out, and why. (The preset's rules are registered one by one: a rule disabled
// inside a preset's config still runs in @secretlint/core 11.7.1, whose RunningEvents.registerRule does not
// look at `disabled`; only top-level rules are skipped, packages/@secretlint/core/src/index.ts:159-161.)
const LEFT_OUT = new Set([
  // A `secretlint-disable` comment in a scanned value would switch detection off for the rest of the
  // joined source (packages/@secretlint/secretlint-rule-filter-comments/src/index.ts:28); nks-cdk's
  // suppressions are Policies.suppress, with a reason.
  '@secretlint/secretlint-rule-filter-comments',
  // The scan's own PEM check (PRIVATE_KEY in secrets.ts) reports private keys anywhere in an object, with
  // bodies of any length; this rule would report the same keys a second time.
  '@secretlint/secretlint-rule-privatekey',
]);

async function load() {
  const [{ lintSource }, { rules }] = await Promise.all([
    import('@secretlint/core'),
    import('@secretlint/secretlint-rule-preset-recommend'),
  ]);
  const config = {
    rules: rules.filter((rule) => !LEFT_OUT.has(rule.meta.id)).map((rule) => (rule.meta.id === '@secretlint/secretlint-rule-aws'
      // The AWS rule finds access key IDs (AKIA..., ASIA...) only with enableIDScanRule (secretlint v11.7.1,
      // packages/@secretlint/secretlint-rule-aws/src/index.ts:179-186); that option also reports account
      // IDs, which identify an account and grant nothing, so that message is allowed.
      ? { id: rule.meta.id, rule, options: { enableIDScanRule: true }, allowMessageIds: ['AWSAccountID'] }
      : { id: rule.meta.id, rule })),
  };
  return { lintSource, config };
}

/** Index of the string that `offset` of the joined chunk falls in (`starts` is ascending). */
function stringAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

async function scan(strings) {
  const { lintSource, config } = await (loading ??= load());
  const matches = [];
  for (let first = 0; first < strings.length;) {
    const starts = [];
    let chars = 0;
    let last = first;
    while (last < strings.length && last - first < CHUNK_STRINGS && (last === first || chars + strings[last].length <= CHUNK_CHARS)) {
      starts.push(chars);
      chars += strings[last].length + SEPARATOR.length;
      last++;
    }
    const content = strings.slice(first, last).join(SEPARATOR);
    const result = await lintSource({
      source: { content, ext: '.txt', contentType: 'text' },
      options: { config, maskSecrets: true, noPhysicFilePath: true },
    });
    for (const message of result.messages) {
      const [from, to] = message.range;
      const i = stringAt(starts, from);
      const length = strings[first + i].length;
      const start = Math.min(from - starts[i], length);
      matches.push([first + i, start, Math.max(start, Math.min(to - starts[i], length)), message.ruleId, message.messageId]);
    }
    first = last;
  }
  return matches;
}

port.on('message', async ({ id, strings }) => {
  let reply;
  try {
    reply = { id, matches: await scan(strings) };
  } catch (error) {
    // A failure to load secretlint says which module is missing; a failure while linting could quote the
    // text it failed on, so only its kind is passed on.
    const loaded = loading !== undefined && (await loading.then(() => true, () => false));
    reply = { id, error: loaded ? `secretlint failed while scanning (${error?.name ?? 'Error'})` : `secretlint could not be loaded: ${error?.message ?? error}` };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
