// The public API (issue 16): lib/index.ts exports the constructs, the values their props take and the checks'
// entry points, at most 160 at run time, and api/nks-cdk.api.md (api-extractor) is the record of it: a change
// to the public surface changes the report, which is committed and reviewed with the change (`npm run api`).
import * as fs from 'fs';
import * as path from 'path';
import * as api from '../../lib';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { apiReport, REPORT } = require('../../scripts/api-report.js') as {
  apiReport: (o?: { update?: boolean }) => { changed: boolean; succeeded: boolean; messages: string[] };
  REPORT: string;
};
const root = path.join(__dirname, '..', '..');

/** The classes of the vendored provider bindings, public through nks-cdk/providers/<target>. */
function providerClasses(): Set<string> {
  const names = new Set<string>();
  for (const target of ['openstack', 'nhncloud']) {
    const dir = path.join(root, 'lib', 'generated', 'providers', target);
    const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
    for (const m of index.matchAll(/from '\.\/([a-z0-9-]+)'/g)) {
      const file = fs.readFileSync(path.join(dir, m[1], 'index.ts'), 'utf8');
      for (const c of file.matchAll(/^export class (\w+) extends cdktf\.Terraform(?:Resource|DataSource|Provider)\b/gm)) names.add(c[1]);
    }
  }
  return names;
}

describe('public API', () => {
  test('runtime exports are 160 or fewer, and none of the plumbing', () => {
    const names = Object.keys(api);
    expect(names.length).toBeGreaterThan(50);
    expect(names.length).toBeLessThanOrEqual(160);
    for (const plumbing of ['podSpecPointer', 'registerClaimVolume', 'trackObjects', 'nodeSpec', 'INT32_MAX', 'StatefulSetWithClaimTemplates', 'warn', 'fail', 'constructsUnder', 'renderedJson']) {
      expect(names).not.toContain(plumbing);
    }
    for (const construct of ['PlatformApp', 'Platform', 'Cluster', 'NodeGroup', 'WebApp', 'Service', 'Ingress', 'HttpRoute', 'StatefulSet', 'PersistentVolume', 'Policies', 'checkManifests']) {
      expect(names).toContain(construct);
    }
  });

  let result: { changed: boolean; succeeded: boolean; messages: string[] };
  beforeAll(() => {
    result = apiReport({ update: false });
  }, 180_000);

  test('api/nks-cdk.api.md is up to date with lib/index.ts (run `npm run api` and commit the report)', () => {
    expect(result.messages.filter((m) => !m.includes('ae-forgotten-export'))).toEqual([]);
    expect(result.changed).toBe(false);
  });

  test('every type the public API refers to is exported, except the provider classes (public as nks-cdk/providers/<target>)', () => {
    const report = fs.readFileSync(REPORT, 'utf8');
    const forgotten = [...report.matchAll(/\(ae-forgotten-export\) The symbol "(\w+)"/g)].map((m) => m[1]);
    const classes = providerClasses();
    expect(classes.size).toBeGreaterThan(50);
    // api-extractor names a second class of the same name `<Name>_2` (both providers have ComputeInstanceV2).
    expect([...new Set(forgotten)].filter((n) => !classes.has(n.replace(/_\d+$/, '')))).toEqual([]);
  });

  test('every item of the public API has a JSDoc comment (no `(undocumented)` in api/nks-cdk.api.md)', () => {
    const report = fs.readFileSync(REPORT, 'utf8');
    // Each undocumented item by name, `<export>` or `<export>.<member>` (e.g. `Cluster.servicesCidr`): write a
    // `/** ... */` comment on its declaration in lib/, then `npm run api`.
    expect(undocumentedItems(report)).toEqual([]);
  });
});

/** The items api-extractor marks `// (undocumented)` in the report, named `<export>` or `<export>.<member>`. */
function undocumentedItems(report: string): string[] {
  const lines = report.split('\n');
  const nameOf = (line: string): string =>
    /^[\w$]+/.exec(line.trim().replace(/^(?:(?:export|declare|abstract|static|protected|readonly|get|set|class|interface|type|function|const|enum|namespace)\s+)*/, ''))?.[0] ?? line.trim();
  const items: string[] = [];
  let container = '';
  lines.forEach((line, i) => {
    const top = /^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|enum|namespace) ([\w$]+)/.exec(line);
    if (top) container = top[1];
    if (!line.includes('(undocumented)')) return;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '' && !l.trim().startsWith('//')) ?? '';
    items.push(line.startsWith('// @public') ? nameOf(next) : `${container}.${nameOf(next)}`);
  });
  return items;
}
