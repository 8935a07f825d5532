// What synth prints about warnings: `[warning] <id> <path>: <message>` once per problem, and
// `[acknowledged] <id> <path>: <reason>` for a warning acknowledged on its construct or above it.
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cluster, GpuDeployment, ImageRef, InfraStack, KeyPair, Network, PlatformApp, ValidationError, ValidationErrors, Warnings, WebApp } from '../../lib';
import { warn } from '../../lib/warnings';
import { PlatformTemplate } from '../../lib/testing';
import { tmpdir } from '../helpers';
import { IMAGE_ID, OPENSTACK, PUBLIC_KEY, SERVICE_GATEWAYS } from '../infra/fixtures';

const warnings = (t: PlatformTemplate) => t.log.filter((l) => l.startsWith('[warning] '));
const linesOf = (t: PlatformTemplate, id: string) => t.log.filter((l) => l.startsWith(`[warning] ${id} `));
const noRollback = (chart: Chart, id = 'web') => new WebApp(chart, id, { image: 'nginx:1.27', revisionHistoryLimit: 0 });

/** Synthesizes with policies off (only construct warnings print) and returns the template. */
const synth = (build: (app: PlatformApp) => void, policies = false) => PlatformTemplate.synth(build, { policies });

function errorsOf(build: (app: PlatformApp) => void): ValidationError[] {
  try {
    synth(build);
  } catch (e) {
    if (e instanceof ValidationErrors) return [...e.errors];
    if (e instanceof ValidationError) return [e];
    throw e;
  }
  throw new Error('synth should have failed');
}

describe('printing', () => {
  test('a warning line is [warning] <id> <path>: <message>', () => {
    const t = synth((app) => noRollback(new Chart(app.k8s, 'c')));
    expect(warnings(t)).toEqual(['[warning] nks-cdk:noRollbackHistory c/web: revisionHistoryLimit is 0: old ReplicaSets are deleted at once, so `kubectl rollout undo` has nothing to roll back to.']);
    expect(t.warningIds()).toEqual(['nks-cdk:noRollbackHistory']);
  });

  test('one id on one construct prints once: a second message of it is an indented line of the same warning', () => {
    const t = synth((app) => {
      const web = noRollback(new Chart(app.k8s, 'c'));
      warn(web, 'nks-cdk:noRollbackHistory', 'revisionHistoryLimit is 0: old ReplicaSets are deleted at once, so `kubectl rollout undo` has nothing to roll back to.');
      warn(web, 'nks-cdk:noRollbackHistory', 'a second note on the same problem.');
    });
    expect(linesOf(t, 'nks-cdk:noRollbackHistory')).toEqual([expect.stringMatching(/^\[warning\] nks-cdk:noRollbackHistory c\/web: revisionHistoryLimit is 0: .*\n {2}a second note on the same problem\.$/)]);
  });

  test('the same id on two constructs is two warnings', () => {
    const t = synth((app) => {
      const chart = new Chart(app.k8s, 'c');
      noRollback(chart, 'a');
      noRollback(chart, 'b');
    });
    expect(linesOf(t, 'nks-cdk:noRollbackHistory').map((l) => / (c\/\w+):/.exec(l)?.[1])).toEqual(['c/a', 'c/b']);
  });

  test('synth twice prints each warning once each time (validations that run again add nothing)', () => {
    const dir = tmpdir();
    const log: string[] = [];
    const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), policies: false, log: (l) => log.push(l) });
    noRollback(new Chart(app.k8s, 'c'));
    app.synth();
    const first = log.splice(0);
    app.synth();
    expect(log.filter((l) => l.startsWith('[warning]'))).toEqual(first.filter((l) => l.startsWith('[warning]')));
    expect(first.filter((l) => l.startsWith('[warning]'))).toHaveLength(1);
  });

  test('a GPU shortfall noticed by the construct and by the cross-layer check prints once', () => {
    const t = synth((app) => {
      const stack = new InfraStack(app.infra, 'infra');
      const cluster = new Cluster(stack, 'cluster', {
        name: 'c1',
        network: new Network(stack, 'vpc'),
        image: ImageRef.fromId(IMAGE_ID),
        availabilityZone: 'kr-pub-a',
        keyPair: new KeyPair(stack, 'key', { publicKey: PUBLIC_KEY }),
        serviceGateways: SERVICE_GATEWAYS,
      });
      const gpu = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 1 });
      new GpuDeployment(new Chart(app.k8s, 'apps'), 'infer', { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', replicas: 2, gpus: 1, placement: gpu });
    });
    expect(linesOf(t, 'nks-cdk:gpuShortfall')).toEqual([expect.stringMatching(/^\[warning\] nks-cdk:gpuShortfall apps\/infer: 2 pods × 1 GPU = 2 GPUs/)]);
  });

  describe('a generated key pair: the construct and policy rule NKS-KEY-1 see the same problem', () => {
    const build = (app: PlatformApp) => new KeyPair(new InfraStack(app.infra, 'infra', OPENSTACK), 'key');

    test('with policies, the rule prints it and the construct warning is left out', () => {
      const t = synth(build, true);
      expect(t.warningIds()).toContain('NKS-KEY-1');
      t.hasNoWarning('nks-cdk:generatedKeyPair');
      expect(warnings(t).filter((l) => l.includes('infra/key'))).toHaveLength(1);
    });

    test('without policies, the construct warning prints', () => {
      const t = synth(build, false);
      expect(linesOf(t, 'nks-cdk:generatedKeyPair')).toEqual([expect.stringContaining('infra/key: Key pair "key" has no public key')]);
    });
  });
});

describe('acknowledgement', () => {
  const REASON = 'rollbacks are done by redeploying the previous image tag';

  test('an acknowledged warning is not printed as a warning, but as [acknowledged] with the reason', () => {
    const t = synth((app) => Warnings.of(noRollback(new Chart(app.k8s, 'c'))).acknowledge('nks-cdk:noRollbackHistory', REASON));
    expect(warnings(t)).toEqual([]);
    t.hasNoWarning('nks-cdk:noRollbackHistory');
    expect(t.log).toContain(`[acknowledged] nks-cdk:noRollbackHistory c/web: ${REASON}`);
    expect(t.acknowledgedIds()).toEqual(['nks-cdk:noRollbackHistory']);
  });

  test('synth returns the acknowledged warnings apart, with where the acknowledgement was declared', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), policies: false, log: () => undefined });
    const chart = new Chart(app.k8s, 'c');
    noRollback(chart);
    Warnings.of(chart).acknowledge('nks-cdk:noRollbackHistory', REASON);
    const result = app.synth();
    expect(result.warnings).toEqual([]);
    expect(result.acknowledged).toEqual([{ path: 'c/web', id: 'nks-cdk:noRollbackHistory', message: expect.stringContaining('rollout undo'), reason: REASON, declaredAt: 'c' }]);
  });

  test('on a parent it covers every construct under it; a nearer acknowledgement gives its own reason', () => {
    const t = synth((app) => {
      const chart = new Chart(app.k8s, 'c');
      noRollback(chart, 'a');
      const b = noRollback(chart, 'b');
      Warnings.of(chart).acknowledge('nks-cdk:noRollbackHistory', REASON);
      Warnings.of(b).acknowledge('nks-cdk:noRollbackHistory', 'b is a batch worker nobody rolls back');
    });
    expect(warnings(t)).toEqual([]);
    expect(t.log.filter((l) => l.startsWith('[acknowledged]'))).toEqual([
      `[acknowledged] nks-cdk:noRollbackHistory c/a: ${REASON}`,
      '[acknowledged] nks-cdk:noRollbackHistory c/b: b is a batch worker nobody rolls back',
    ]);
  });

  test('it covers its own id only, and only under the construct it is declared on', () => {
    const t = synth((app) => {
      const c1 = new Chart(app.k8s, 'c1');
      const c2 = new Chart(app.k8s, 'c2');
      noRollback(c1);
      noRollback(c2);
      new kplus.ConfigMap(c2, 'cm', { data: { a: 'b' } });
      Warnings.of(c1).acknowledge('nks-cdk:noRollbackHistory', REASON);
      Warnings.of(c2).acknowledge('nks-cdk:dashboardPublic', 'no dashboard here yet, the acknowledgement is for later');
    });
    expect(linesOf(t, 'nks-cdk:noRollbackHistory')).toEqual([expect.stringContaining(' c2/web: ')]);
    expect(t.acknowledgedIds()).toEqual(['nks-cdk:noRollbackHistory']);
  });

  test('an acknowledged infrastructure warning is left out of the cdktf manifest too', () => {
    const dir = tmpdir();
    const build = (ack: boolean) => {
      const app = new PlatformApp({ outdir: path.join(dir, String(ack), 'cdktf.out'), k8sOutdir: path.join(dir, String(ack), 'dist'), policies: false, log: () => undefined });
      const stack = new InfraStack(app.infra, 'infra', OPENSTACK);
      new KeyPair(stack, 'key');
      if (ack) Warnings.of(stack).acknowledge('nks-cdk:generatedKeyPair', 'a throwaway test cluster; the state is local');
      app.synth();
      return JSON.parse(fs.readFileSync(path.join(dir, String(ack), 'cdktf.out', 'manifest.json'), 'utf8')).stacks.infra.annotations;
    };
    expect(build(false)).toEqual([expect.objectContaining({ constructPath: 'infra/key', level: '@cdktf/warn', message: expect.stringContaining('no public key') })]);
    expect(build(true)).toEqual([]);
  });

  test('warnings about the output directories are acknowledged at a tree root', () => {
    const dir = tmpdir();
    const k8sOutdir = path.join(dir, 'dist');
    const log: string[] = [];
    const make = () => {
      const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir, policies: false, log: (l) => log.push(l) });
      new kplus.ConfigMap(new Chart(app.k8s, 'c'), 'cm', { data: { a: 'b' } });
      return app;
    };
    make().synth();
    fs.writeFileSync(path.join(k8sOutdir, 'old.k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n');
    const app = make();
    Warnings.of(app.k8s).acknowledge('nks-cdk:strayManifest', 'old.k8s.yaml is applied by hand on purpose');
    log.length = 0;
    app.synth();
    expect(log.filter((l) => l.startsWith('[warning]'))).toEqual([]);
    expect(log).toContain('[acknowledged] nks-cdk:strayManifest PlatformApp: old.k8s.yaml is applied by hand on purpose');
  });

  test('an unknown id is a ValidationError at synth that names the id it most likely meant', () => {
    const [err, ...rest] = errorsOf((app) => Warnings.of(noRollback(new Chart(app.k8s, 'c'))).acknowledge('nks-cdk:NoRollbackHistory', REASON));
    expect(rest).toEqual([]);
    expect(err).toMatchObject({ path: 'c/web', field: 'acknowledge.id', value: 'nks-cdk:NoRollbackHistory' });
    expect(err.rule).toMatch(/"nks-cdk:NoRollbackHistory" is none, so it would acknowledge nothing/);
    expect(err.fix).toMatch(/^use "nks-cdk:noRollbackHistory"/);
  });

  test('a policy rule id is not a warning id: the fix says where the warning ids are', () => {
    const [err] = errorsOf((app) => Warnings.of(new Chart(app.k8s, 'c')).acknowledge('NKS-KEY-1', REASON));
    expect(err).toMatchObject({ path: 'c', field: 'acknowledge.id', value: 'NKS-KEY-1' });
    expect(err.fix).toMatch(/a policy rule id: suppress its findings with Policies\.of\(app\)\.suppress/);
    expect(err.fix).toMatch(/README \("Errors and warnings"\)/);
  });

  test.each(['', '   '])('an empty reason (%j) is a ValidationError at synth', (reason) => {
    const [err, ...rest] = errorsOf((app) => Warnings.of(noRollback(new Chart(app.k8s, 'c'))).acknowledge('nks-cdk:noRollbackHistory', reason));
    expect(rest).toEqual([]);
    expect(err).toMatchObject({ path: 'c/web', field: 'acknowledge.reason', value: reason });
    expect(err.fix).toMatch(/give the reason/);
  });

  test('all bad acknowledgements are reported at once', () => {
    const errors = errorsOf((app) => {
      const chart = new Chart(app.k8s, 'c');
      Warnings.of(chart).acknowledge('nks-cdk:nope', REASON).acknowledge('nks-cdk:noRollbackHistory', '');
    });
    expect(errors.map((e) => e.field)).toEqual(['acknowledge.id', 'acknowledge.reason']);
  });
});
