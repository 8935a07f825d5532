// The layer rules of lib/ (.dependency-cruiser.cjs), checked by dependency-cruiser on every `npm test`.
// Violations recorded in .dependency-cruiser-known-violations.json would be to-dos and pass; any other fails.
// The file is empty: lib/ keeps every rule, and the last test keeps it that way.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface CruiseViolation {
  from: string;
  to: string;
  cycle?: { name: string }[];
  rule: { name: string; severity: string };
}

interface CruiseResult {
  modules: unknown[];
  summary: { violations: CruiseViolation[]; error: number; warn: number; info: number; ignore: number; ruleSetUsed: { forbidden: { name: string }[] } };
}

function cruise(): CruiseResult {
  // The known-violations file names modules relative to the repository root, so the cruise runs from there.
  // dependency-cruiser exits non-zero when it finds violations; the JSON on stdout is read either way.
  const args = [cli, 'lib', '--config', '.dependency-cruiser.cjs', '--ignore-known', '--output-type', 'json'];
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    stdout = (e as { stdout?: string }).stdout ?? '';
    if (stdout === '') throw e;
  }
  return JSON.parse(stdout) as CruiseResult;
}

describe('import rules of lib/ (.dependency-cruiser.cjs)', () => {
  let result: CruiseResult;
  beforeAll(() => {
    result = cruise();
  }, 120_000);

  test('the rules are loaded and the cruise reaches all of lib/', () => {
    expect(result.summary.ruleSetUsed.forbidden.map((r) => r.name).sort()).toEqual([
      'checks-import-upper-layer',
      'constructs-import-upper-layer',
      'diagram-imports-constructs',
      'model-helper-imports-upper-layer',
      'model-imports-cdk',
      'model-imports-lib-root-helper',
      'model-imports-upper-layer',
      'neutral-infra-imports-provider-class',
      'no-circular',
      'policy-imports-upper-layer',
    ]);
    expect(result.modules.length).toBeGreaterThan(100);
  });

  test('no import breaks a layer rule, except the recorded known violations', () => {
    const fresh = result.summary.violations
      .filter((v) => v.rule.severity !== 'ignore')
      .map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`);
    expect(fresh).toEqual([]);
    expect(result.summary.error + result.summary.warn).toBe(0);
  });

  test('no known violations are left: the known-violations file is empty and the cruise ignored none', () => {
    expect(JSON.parse(fs.readFileSync(path.join(root, '.dependency-cruiser-known-violations.json'), 'utf8'))).toEqual([]);
    expect(result.summary.ignore).toBe(0);
  });
});
