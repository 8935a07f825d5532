// Secret material found by content: secretlint's recommended preset (vendor tokens, cloud keys, URLs with
// credentials) in a worker thread, plus the few patterns it lacks (secret-patterns.ts), over strings the
// secret scan collects from the output (env values, command and args, ConfigMap data, annotations,
// Terraform literals). One call scans a whole batch: the worker is started on the first call that has
// something to scan, answers each batch with one message, and stops when it has been idle for a while.
import * as fs from 'fs';
import * as path from 'path';
// The timers module's own functions: a test's fake timers (they replace the globals) must not hold the worker.
import { clearTimeout as clearTimer, setTimeout as setTimer } from 'timers';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';
import { ContentMatch, ownPatternMatches } from './secret-patterns';

export type { ContentMatch };

/** The worker script: plain JavaScript next to this module, in lib/ and (emitted by tsc) in build/. */
export const SECRETLINT_WORKER = path.join(__dirname, 'secretlint-worker.mjs');

/** How long a scan may wait for the worker before it fails (loading secretlint takes about 50 ms). */
const TIMEOUT_MS = 60_000;
/**
 * The worker stops after this long without a scan: a program synthesizes once, a test suite many times in
 * a row. (Under jest each test file has its own module registry, so a worker kept for the life of the
 * process would be one more thread per test file.)
 */
const IDLE_MS = 2_000;

/** [string index, start, end, rule id, message id], as the worker posts them. */
type WorkerMatch = [number, number, number, string, string];
type WorkerReply = { id: number; matches: WorkerMatch[] } | { id: number; error: string };

// What secretlint's messages stand for, in words (message ids of the preset's rules, v11.7.1).
const SECRETLINT_WHAT: Readonly<Record<string, string>> = {
  AWSSecretAccessKey: 'an AWS secret access key',
  AWSAccessKeyID: 'an AWS access key ID',
  BasicAuth: 'a password in a URL (user:password@host)',
  MongoDBConnection: 'a MongoDB connection string with a password',
  MySQLConnection: 'a MySQL connection string with a password',
  PostgreSQLConnection: 'a PostgreSQL connection string with a password',
};

function secretlintWhat(ruleId: string, messageId: string): string {
  const rule = ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
  return `${SECRETLINT_WHAT[messageId] ?? `a ${rule} credential`} (secretlint ${rule}/${messageId})`;
}

/** How often the secretlint worker was started and called in this process (for tests and measurements). */
export interface SecretlintWorkerStats {
  readonly starts: number;
  readonly scans: number;
  /** Strings sent, over all scans. */
  readonly strings: number;
  readonly running: boolean;
}

const stats = { starts: 0, scans: 0, strings: 0 };

/** See {@link SecretlintWorkerStats}. */
export function secretlintWorkerStats(): SecretlintWorkerStats {
  return { ...stats, running: secretlint?.running ?? false };
}

/** The secretlint worker: started on demand, called synchronously, stopped when idle. */
class SecretlintWorker {
  private worker?: Worker;
  private port?: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 0;
  private idle?: ReturnType<typeof setTimer>;

  public get running(): boolean {
    return this.worker !== undefined;
  }

  /**
   * Sends `strings` to secretlint; the returned function waits for its matches in each string. The caller
   * works on while the worker scans.
   */
  public scan(strings: readonly string[]): () => WorkerMatch[] {
    const port = this.start();
    stats.scans++;
    stats.strings += strings.length;
    const id = this.nextId++;
    Atomics.store(this.signal, 0, 0);
    port.postMessage({ id, strings });
    return () => {
      const reply = this.receive(port, id);
      this.idle?.refresh();
      if ('error' in reply) throw new Error(`secret detection failed: ${reply.error}`);
      return reply.matches;
    };
  }

  private start(): MessagePort {
    if (this.worker && this.port) return this.port;
    if (!fs.existsSync(SECRETLINT_WORKER)) {
      throw new Error(`secret detection failed: ${SECRETLINT_WORKER} is missing (tsc emits it next to secret-content.js: tsconfig.json allowJs)`);
    }
    stats.starts++;
    const { port1, port2 } = new MessageChannel();
    // No execArgv of this process: a `-r` preload (a TypeScript loader) or a profiler flag has nothing to
    // do in the worker, and a worker does not accept every process flag.
    this.worker = new Worker(SECRETLINT_WORKER, { workerData: { port: port2, signal: this.signal }, transferList: [port2], execArgv: [] });
    this.worker.unref();
    port1.unref();
    this.port = port1;
    this.idle = setTimer(() => this.stop(), IDLE_MS);
    this.idle.unref();
    return port1;
  }

  private receive(port: MessagePort, id: number): WorkerReply {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      // The worker posts the reply before it sets the signal, so once the signal is set the reply is there.
      const m = receiveMessageOnPort(port);
      if (m) {
        const reply = m.message as WorkerReply;
        if (reply.id === id) return reply;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        this.stop();
        throw new Error(`secret detection failed: secretlint did not answer within ${TIMEOUT_MS / 1000} s`);
      }
      Atomics.wait(this.signal, 0, 0, Math.min(left, 100));
    }
  }

  private stop(): void {
    clearTimer(this.idle);
    this.idle = undefined;
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
    this.port = undefined;
  }
}

let secretlint: SecretlintWorker | undefined;

/**
 * Secret material in each string, by content: secretlint's recommended preset and nks-cdk's own patterns.
 * Returns one list per string, in order. Starts the secretlint worker only when there is a non-empty
 * string to scan, and scans each distinct string once.
 */
export function findSecretsInStrings(strings: readonly string[]): ContentMatch[][] {
  const distinct = [...new Set(strings.filter((s) => s !== ''))];
  if (distinct.length === 0) return strings.map(() => []);
  const secretlintMatches = (secretlint ??= new SecretlintWorker()).scan(distinct);
  // nks-cdk's own patterns run here while the worker runs secretlint's.
  const found = new Map<string, ContentMatch[]>(distinct.map((s) => [s, ownPatternMatches(s)]));
  for (const [i, start, end, ruleId, messageId] of secretlintMatches()) {
    found.get(distinct[i])!.push({ start, end, what: secretlintWhat(ruleId, messageId) });
  }
  return strings.map((s) => (found.get(s) ?? []).sort((a, b) => a.start - b.start));
}
