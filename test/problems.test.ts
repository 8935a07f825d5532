// Every failure is a ValidationError, reported at synth, all at once, grouped by construct path, each once,
// without stack traces: construct-time problems are recorded on the construct and the program goes on.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ConfigMap, GpuDeployment, InfraStack, PlatformApp, Service, ValidationError, ValidationErrors, WebApp } from '../lib';
import { recordsProblems } from '../lib/problems';
import { tmpdir } from './helpers';
import { baseCluster } from './infra/fixtures';

function app(): PlatformApp {
  const dir = tmpdir();
  return new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
}

function synthErrors(a: PlatformApp): readonly ValidationError[] {
  try {
    a.synth();
  } catch (e) {
    if (e instanceof ValidationErrors) return e.errors;
    throw e;
  }
  throw new Error('synth should have failed');
}

describe('construct-time problems are recorded and reported at synth', () => {
  test('bad props do not throw out of the program; synth reports all of them at once, grouped by path', () => {
    const a = app();
    const chart = new Chart(a.k8s, 'web');
    // Each of these would have stopped the program at the first one.
    const web = new WebApp(chart, 'nginx', { name: 'Bad_Name', image: 'nginx:1.14.2' });
    new WebApp(chart, 'other', { image: 'nginx:1.14.2', replicas: -1 });
    new Service(chart, 'svc', { type: 'NodePort', selector: web, ports: [{ port: 80, nodePort: 99999 }] });
    const errors = synthErrors(a);
    expect(errors.map((e) => [e.path, e.field])).toEqual([
      ['web/nginx', 'name'],
      ['web/other', 'replicas'],
      ['web/svc', 'ports[0].nodePort'],
    ]);
    for (const e of errors) {
      expect(e.unexpected).toBe(false);
      expect(e.rule.length).toBeGreaterThan(10);
      expect(e.fix.length).toBeGreaterThan(5);
    }
    const message = new ValidationErrors(errors).message;
    expect(message).toMatch(/^3 validation errors; nothing was written:\n\[web\/nginx\]\n {2}name = "Bad_Name": /);
    expect(message).toContain('\n[web/svc]\n  ports[0].nodePort = 99999: ');
    expect(message).not.toMatch(/\n\s+at /);
  });

  test('a prop checked before the construct exists (a ConfigMap name its base class needs) is recorded too, and the program goes on', () => {
    const a = app();
    const chart = new Chart(a.k8s, 'c');
    new ConfigMap(chart, 'cm', { name: 'Not_A_Name' });
    new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: -1 });
    expect(synthErrors(a).map((e) => [e.path, e.field])).toEqual([
      ['c/cm', 'name'],
      ['c/web', 'replicas'],
    ]);
  });

  test('the same problem found twice is reported once', () => {
    const errors = new ValidationErrors([
      new ValidationError({ path: 'a', field: 'f', value: 1, rule: 'r', fix: 'x' }),
      new ValidationError({ path: 'a', field: 'f', value: 1, rule: 'r', fix: 'x' }),
      new ValidationError({ path: 'a', field: 'g', value: 1, rule: 'r', fix: 'x' }),
    ]).errors;
    expect(errors.map((e) => e.field)).toEqual(['f', 'g']);
  });

  test('two constructs with one id (a node group and a GPU node group): a ValidationError on the id, not constructs\' raw error', () => {
    const a = app();
    const { cluster } = baseCluster(a);
    cluster.addNodeGroup('pool', { flavor: 'm2.c4m8', nodeCount: 1 });
    cluster.addGpuNodeGroup('pool', { flavor: 'g2.t4.c4m32' });
    const errors = synthErrors(a);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'infra/cluster/pool', field: 'id', value: 'pool' });
    expect(errors[0].rule).toMatch(/unique within their scope.*NodeGroup with id "pool"/);
    expect(errors[0].fix).toMatch(/another id/);
  });

  test('a Terraform stack id with whitespace: a ValidationError with a fixed id to use, not cdktf\'s raw error', () => {
    const a = app();
    new InfraStack(a.infra, 'nks infra', { region: 'KR1' });
    const [error] = synthErrors(a);
    expect(error).toMatchObject({ path: 'nks infra', field: 'id', value: 'nks infra' });
    expect(error.fix).toContain('"nks-infra"');
  });

  test('an error of another kind inside a construct becomes an unexpected ValidationError on that construct', () => {
    @recordsProblems
    class Fragile extends Construct {
      constructor(scope: Construct, id: string) {
        super(scope, id);
        // cdk8s refuses a sub-second value where whole seconds are needed.
        Duration.millis(1500).toSeconds();
      }
    }
    const a = app();
    new Fragile(new Chart(a.k8s, 'c'), 'fragile');
    const [error] = synthErrors(a);
    expect(error).toMatchObject({ path: 'c/fragile', field: '(construct)', unexpected: true });
    expect(error.rule).toMatch(/cdk8s refused this construct: .*1500 millis/);
    expect(error.fix).toMatch(/NKS_DEBUG=1/);
  });

  test('an error of another kind while an object renders at synth becomes an unexpected ValidationError on that object', () => {
    const a = app();
    // cdk8s-plus converts the grace period to whole seconds only when the object renders.
    new kplus.Deployment(new Chart(a.k8s, 'c'), 'd', { containers: [{ image: 'nginx:1.14.2' }], terminationGracePeriod: Duration.millis(1500) });
    const [error] = synthErrors(a);
    expect(error).toMatchObject({ path: 'c/d', field: '(construct)', unexpected: true });
    expect(error.rule).toMatch(/1500 millis/);
  });

  test('errors that follow from a construct that failed are not reported as problems of their own', () => {
    const a = app();
    const chart = new Chart(a.k8s, 'web');
    const broken = new WebApp(chart, 'nginx', { image: 'nginx:1.14.2', ports: [{ number: 0 }] });
    // The failed WebApp has no pod labels to select: the Service trips over it.
    new Service(chart, 'svc', { selector: broken, ports: [{ port: 80 }] });
    const errors = synthErrors(a);
    expect(errors.map((e) => [e.path, e.field])).toEqual([['web/nginx', 'ports[0].number']]);
  });

  test('a workload placed on a GPU node group that failed is a follow-on, not a problem of its own (across the two layers)', () => {
    const a = app();
    const { cluster } = baseCluster(a);
    const gpus = cluster.addGpuNodeGroup('gpu', { flavor: 'g2.t4.c4m32', nodeCount: 0.5 });
    new GpuDeployment(new Chart(a.k8s, 'c'), 'train', { image: 'nvcr.io/nvidia/tritonserver:24.08-py3', gpus: 1, placement: gpus });
    const errors = synthErrors(a);
    expect(errors.map((e) => [e.path, e.field])).toEqual([['infra/cluster/gpu', 'nodeCount']]);
    expect(errors.some((e) => e.unexpected)).toBe(false);
  });

  test('a method that misuses the API records its problem on the construct', () => {
    const a = app();
    const chart = new Chart(a.k8s, 'web');
    const web = new WebApp(chart, 'nginx', { image: 'nginx:1.14.2' });
    web.addImagePullSecrets({ name: 'Not_A_Name' });
    const [error] = synthErrors(a);
    expect(error.path).toBe('web/nginx');
    expect(error.field).toMatch(/imagePullSecrets/);
  });
});

describe('what the user sees when the program does not catch the error', () => {
  const root = path.resolve(__dirname, '..');
  const register = path.join(root, 'test', 'policy', 'ts-register.js');
  function run(source: string, env: Record<string, string> = {}): { status: number | null; stderr: string } {
    const dir = tmpdir();
    const file = path.join(dir, 'main.ts');
    fs.writeFileSync(file, source.replace(/LIB/g, JSON.stringify(path.join(root, 'lib'))).replace(/OUT/g, JSON.stringify(dir)));
    const r = spawnSync(process.execPath, ['-r', register, file], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), NKS_DEBUG: '', ...env }, timeout: 120_000 });
    return { status: r.status, stderr: r.stderr };
  }
  const program = `
    import * as path from 'path';
    import { Chart } from 'cdk8s';
    import { PlatformApp, WebApp } from LIB;
    const app = new PlatformApp({ outdir: path.join(OUT, 'tf'), k8sOutdir: path.join(OUT, 'dist') });
    const chart = new Chart(app.k8s, 'web');
    new WebApp(chart, 'a', { image: 'nginx:1.14.2', replicas: -1 });
    new WebApp(chart, 'b', { image: 'nginx:1.14.2', ports: [{ number: 70000 }] });
    app.synth();
  `;

  test('every error, once, with paths and fixes, no stack trace, no object dump; exit code 1', () => {
    const { status, stderr } = run(program);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^ValidationErrors: 2 validation errors; nothing was written:\n\[web\/a\]\n {2}replicas = -1: /);
    expect(stderr).toContain('[web/b]\n  ports[0].number = 70000: ');
    expect(stderr).toContain('Fix: ');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toMatch(/node_modules|errors: \[|\{$/m);
  }, 120_000);

  test('NKS_DEBUG=1 shows the stack trace', () => {
    const { status, stderr } = run(program, { NKS_DEBUG: '1' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^\s+at .*synth/m);
  }, 120_000);

  test('a program that never reaches synth still reports its problems and exits with 1', () => {
    const { status, stderr } = run(program.replace('app.synth();', ''));
    expect(status).toBe(1);
    expect(stderr).toContain('[web/a]\n  replicas = -1: ');
    expect(stderr).toContain('the program ended before PlatformApp.synth() reported these');
  }, 120_000);

  test('errors of other kinds are left to Node as before', () => {
    const { status, stderr } = run(`${program.replace('app.synth();', 'try { app.synth(); } catch {}')}\nthrow new TypeError('the user program broke');`);
    expect(status).toBe(1);
    expect(stderr).toContain('TypeError: the user program broke');
    expect(stderr).toMatch(/^\s+at /m);
  }, 120_000);
});
