import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { Node } from 'constructs';
import { BlockStorageVolume, InfraStack, OutputCheckError, PlatformApp, Service, ValidationErrors, WebApp } from '../lib';
import { ContainerinfraClusterV1 } from '../lib/generated/providers/openstack/containerinfra-cluster-v1';
import { tmpdir } from './helpers';
import { baseCluster, openstackCluster } from './infra/fixtures';

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('PlatformApp.synth', () => {
  test('writes nothing when a cross-construct validation fails, and keeps the previous output', () => {
    const dir = tmpdir();
    const outdir = path.join(dir, 'cdktf.out');
    const good = new PlatformApp({ outdir, k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    baseCluster(good);
    good.synth();
    const before = listFiles(outdir);
    const cdkTf = fs.readFileSync(path.join(outdir, 'stacks/infra/cdk.tf.json'), 'utf8');
    expect(before).toContain(path.join('stacks', 'infra', 'cdk.tf.json'));

    const bad = new PlatformApp({ outdir, k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    const { stack } = baseCluster(bad);
    stack.node.addValidation({ validate: () => ['something is wrong'] });
    expect(() => bad.synth()).toThrow(ValidationErrors);
    expect(listFiles(outdir)).toEqual(before);
    expect(fs.readFileSync(path.join(outdir, 'stacks/infra/cdk.tf.json'), 'utf8')).toBe(cdkTf);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('reports every validation error at once, with paths', () => {
    const app = new PlatformApp({ outdir: path.join(tmpdir(), 'out'), log: () => undefined });
    const stack = new InfraStack(app.infra, 'infra');
    stack.node.addValidation({ validate: () => ['first'] });
    new BlockStorageVolume(stack, 'v', { sizeGb: 10, availabilityZone: 'kr-pub-a' }).node.addValidation({ validate: () => ['second'] });
    try {
      app.synth();
      throw new Error('synth should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationErrors);
      expect((e as ValidationErrors).errors.map((x) => [x.path, x.rule])).toEqual([
        ['infra', 'first'],
        ['infra/v', 'second'],
      ]);
    }
  });

  test('fails, writing nothing, when the Terraform output breaks the provider schema', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), log: () => undefined });
    const { stack } = openstackCluster(app);
    const raw = new ContainerinfraClusterV1(stack, 'raw', { clusterTemplateId: 'x', name: 'raw' });
    raw.addOverride('no_such_argument', 'x');
    expect(() => app.synth()).toThrow(OutputCheckError);
    expect(fs.existsSync(path.join(dir, 'cdktf.out'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('the same program synthesizes byte-identical output twice', () => {
    const read = () => {
      const dir = tmpdir();
      const app = new PlatformApp({ outdir: path.join(dir, 'out'), log: () => undefined });
      baseCluster(app);
      app.synth();
      return fs.readFileSync(path.join(dir, 'out/stacks/infra/cdk.tf.json'), 'utf8');
    };
    const first = read();
    expect(read()).toBe(first);
    expect(first).not.toContain('undefined');
  });

  test('after synth the program is as it was: the tree walks and renders live again (synth caches both while it runs)', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    const chart = new Chart(app.k8s, 'c');
    const cm = new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: 'first' } });
    app.synth();
    expect(fs.readFileSync(path.join(dir, 'dist', 'c.k8s.yaml'), 'utf8')).toContain('a: first');
    const added = new ApiObject(chart, 'later', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'later' } });
    expect(app.k8s.node.findAll()).toContain(added);
    cm.addJsonPatch(JsonPatch.replace('/data/a', 'second'));
    expect(cm.toJson()).toMatchObject({ data: { a: 'second' } });
  });

  test('synth walks the Kubernetes tree once, validation included (each walk order at most once)', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    const chart = new Chart(app.k8s, 'c');
    const web = new WebApp(chart, 'web', { name: 'web', image: 'nginx:1.27' });
    new Service(chart, 'svc', { name: 'web', selector: web, ports: [{ port: 80 }] });
    const walk = jest.spyOn(Node.prototype, 'findAll');
    try {
      app.synth();
      const orders = walk.mock.contexts.flatMap((node, i) => (node === app.k8s.node ? [String(walk.mock.calls[i][0])] : []));
      // Validation (every construct's, and the program-wide unique-object check), policies, checks and the
      // writer all ask for the tree; before validation shared the walk it was three walks.
      expect(orders.length).toBeGreaterThan(0);
      expect(new Set(orders).size).toBe(orders.length);
    } finally {
      walk.mockRestore();
    }
    expect(fs.readFileSync(path.join(dir, 'dist', 'c.k8s.yaml'), 'utf8')).toContain('kind: Deployment');
  });

  test('synth renders each Kubernetes object once after validation: policies, cross-layer and manifest checks and the writer share it', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined });
    const chart = new Chart(app.k8s, 'c');
    const web = new WebApp(chart, 'web', { name: 'web', image: 'nginx:1.27' });
    new Service(chart, 'svc', { name: 'web', selector: web, ports: [{ port: 80 }] });
    let validated = false;
    chart.node.addValidation({ validate: () => ((validated = true), []) });
    const rendered = new Map<ApiObject, number>();
    const original = ApiObject.prototype.toJson;
    const spied = jest.spyOn(ApiObject.prototype, 'toJson').mockImplementation(function (this: ApiObject) {
      if (validated) rendered.set(this, (rendered.get(this) ?? 0) + 1);
      return original.call(this);
    });
    try {
      app.synth();
    } finally {
      spied.mockRestore();
    }
    const kinds = [...rendered.keys()].map((o) => o.kind).sort();
    expect(kinds).toEqual(['Deployment', 'Service']);
    expect([...rendered.values()]).toEqual([1, 1]);
    // Outside synth nothing is cached: a change after synth renders.
    const deployment = [...rendered.keys()].find((o) => o.kind === 'Deployment')!;
    deployment.metadata.addLabel('after', 'synth');
    expect(deployment.toJson()).toMatchObject({ metadata: { labels: { after: 'synth' } } });
  });

  test('the local state file is addressed relative to the stack directory, beside the output directory', () => {
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'out'), log: () => undefined });
    baseCluster(app);
    app.synth();
    const tf = JSON.parse(fs.readFileSync(path.join(dir, 'out/stacks/infra/cdk.tf.json'), 'utf8'));
    expect(tf.terraform.backend).toEqual({ local: { path: '../../../terraform.infra.tfstate' } });
    expect(path.resolve(dir, 'out/stacks/infra', tf.terraform.backend.local.path)).toBe(path.join(dir, 'terraform.infra.tfstate'));
  });

  test('a new synth keeps what terraform init and apply left in the stack directories', () => {
    const dir = tmpdir();
    const outdir = path.join(dir, 'out');
    const run = () => {
      const app = new PlatformApp({ outdir, log: () => undefined });
      baseCluster(app);
      app.synth();
    };
    run();
    const stackDir = path.join(outdir, 'stacks/infra');
    fs.mkdirSync(path.join(stackDir, '.terraform/providers'), { recursive: true });
    fs.writeFileSync(path.join(stackDir, '.terraform/providers/marker'), 'plugin');
    fs.writeFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'lock');
    fs.writeFileSync(path.join(stackDir, 'stale.txt'), 'not written by synth');
    run();
    expect(fs.readFileSync(path.join(stackDir, '.terraform/providers/marker'), 'utf8')).toBe('plugin');
    expect(fs.readFileSync(path.join(stackDir, '.terraform.lock.hcl'), 'utf8')).toBe('lock');
    // Synth deletes only files it recorded as its own (test/output/outdirs.test.ts): this one is the user's.
    expect(fs.readFileSync(path.join(stackDir, 'stale.txt'), 'utf8')).toBe('not written by synth');
  });
});
