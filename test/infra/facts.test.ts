// Platform facts the audit found stated wrongly in JSDoc and the README (issue 13 §2, finding 10): none of the
// wrong statements may come back, and the model and the synthesized JSON say what the sources say.
import * as fs from 'fs';
import * as path from 'path';
import { GpuInstance, ImageRef, InfraStack, KeyPair, Network, REGIONS } from '../../lib';
import { onlyResource } from '../helpers';
import { baseCluster, IMAGE_ID } from './fixtures';
import { bodiesByPath, synthNhn } from './nhncloud-helpers';

const root = path.join(__dirname, '..', '..');

/** Every TypeScript source under `dir` (generated bindings left out), and the README. */
function sources(): { file: string; text: string }[] {
  const files: string[] = [path.join(root, 'README.md')];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'generated') walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(path.join(root, 'lib'));
  walk(path.join(root, 'examples'));
  return files.map((file) => ({ file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }));
}

describe('wrong platform facts do not come back', () => {
  const all = sources();
  test.each<[string, RegExp]>([
    ['KR1 is Pangyo, not Pyeongchon (physical load balancers are in Pyeongchon, KR2)', /KR1 \(Pyeongchon\)|Pyeongchon \(KR1\)/],
    ['KR2 is Pyeongchon, KR3 Gwangju', /KR2 \(Pangyo\)|KR2 \(Gwangju\)|KR3 \(Pangyo\)|KR3 \(Pyeongchon\)/],
    ['an NHN VPC range updates in place', /vpcCidr[^\n]*\n?[^\n]*replaces the VPC|Changing it replaces the VPC/],
    ['u2, not g2, has local disks', /(GPU|g2) flavors use local disks/],
    ['the GPU model label value is the flavor\'s model part (t4), not the model name', /gpu-model=<model>`\)/],
  ])('%s', (_fact, wrong) => {
    expect(all.filter((s) => wrong.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  test('the in-tree Cinder example is marked as runnable only on a v1.19 cluster', () => {
    const readme = all.find((s) => s.file === 'README.md')!.text;
    expect(readme).toMatch(/`storage-static` \(the guide's in-tree form: applies only to a v1\.19 cluster/);
  });
});

describe('what the model and the JSON say', () => {
  test('regions: KR1 Pangyo, KR2 Pyeongchon, KR3 Gwangju', () => {
    expect([REGIONS.KR1.name, REGIONS.KR2.name, REGIONS.KR3.name]).toEqual(['Pangyo', 'Pyeongchon', 'Gwangju']);
  });

  test('GPU nodes carry the model part of the flavor name as their model label', () => {
    const { tf } = synthNhn((app) => {
      const { cluster } = baseCluster(app, { serviceGateways: { ncr: '48f4ff38-d14b-4f34-a40c-705524e6a755', obs: '23c550cb-6a5b-4eaa-903a-711c13316d91' } }, { target: 'nhncloud' });
      cluster.addGpuNodeGroup('t4', { flavor: 'g2.t4.c4m32' });
      cluster.addGpuNodeGroup('v100', { flavor: 'g2.v100.c8m90' });
    });
    const groups = bodiesByPath(tf.infra, 'nhncloud_kubernetes_nodegroup_v1');
    expect(groups['infra/cluster/t4/nodegroup'].labels.k8s_node_labels).toBe('node.nks-cdk.io/gpu-model=t4,node.nks-cdk.io/group=t4');
    expect(groups['infra/cluster/v100/nodegroup'].labels.k8s_node_labels).toBe('node.nks-cdk.io/gpu-model=v100,node.nks-cdk.io/group=v100');
  });

  test('a g2 instance boots from a block storage volume (g2 has no local disk)', () => {
    const { tf } = synthNhn((app) => {
      const stack = new InfraStack(app.infra, 'infra', { target: 'nhncloud' });
      const network = new Network(stack, 'vpc', { internetGatewayId: '0f0e0d0c-0b0a-4909-8807-060504030201' });
      new GpuInstance(stack, 'vm', { flavor: 'g2.t4.c4m32', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'kr-pub-a', network, keyPair: KeyPair.fromName('k') });
    });
    expect(onlyResource(tf.infra, 'nhncloud_compute_instance_v2').block_device).toEqual([expect.objectContaining({ source_type: 'image', destination_type: 'volume', volume_size: 50 })]);
  });
});
