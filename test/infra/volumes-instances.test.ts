import { BlockStorageVolume, GpuInstance, ImageRef, InfraStack, PlatformApp } from '../../lib';
import { catchValidation, onlyResource, resources, synth } from '../helpers';
import { IMAGE_ID, openstackCluster } from './fixtures';

// The openstack target's volumes and instances, on TEST_CLOUD's zones, flavors and volume types; the
// nhncloud renderings are in nhncloud.test.ts, the NHN tables' refusals below.

describe('BlockStorageVolume', () => {
  test('lands with size, type and zone and exposes what a static PV needs', () => {
    let exposed: { zone: string; id: string } | undefined;
    const { tf, result } = synth((app) => {
      const { stack } = openstackCluster(app);
      const v = new BlockStorageVolume(stack, 'data', { sizeGb: 100, volumeType: 'fast-ssd', availabilityZone: 'nova' });
      exposed = { zone: v.availabilityZone, id: v.volumeId };
    });
    expect(onlyResource(tf.infra, 'openstack_blockstorage_volume_v3')).toEqual(
      expect.objectContaining({ name: 'data', size: 100, volume_type: 'fast-ssd', availability_zone: 'nova' }),
    );
    expect(exposed?.zone).toBe('nova');
    expect(exposed?.id).toMatch(/^\$\{TfToken\[/); // a token until synth resolves it to a reference
    expect(result.warnings).toEqual([]);
  });

  test('warns when no node group is in the volume zone', () => {
    const { result } = synth((app) => {
      const { stack } = openstackCluster(app);
      new BlockStorageVolume(stack, 'data', { sizeGb: 10, availabilityZone: 'az-2' });
    });
    expect(result.warnings).toEqual([expect.objectContaining({ path: 'infra/data', message: expect.stringContaining('az-2') })]);
  });

  test.each([
    [{ sizeGb: 5, availabilityZone: 'kr-pub-a' }, 'sizeGb'],
    [{ sizeGb: 100000, availabilityZone: 'kr-pub-a' }, 'sizeGb'],
    [{ sizeGb: 10.5, availabilityZone: 'kr-pub-a' }, 'sizeGb'],
    [{ sizeGb: 10, availabilityZone: 'kr-pub-a', volumeType: 'general ssd' }, 'volumeType'],
    [{ sizeGb: 10, availabilityZone: 'nowhere' }, 'availabilityZone'],
  ])('rejects %j (NHN Cloud KR1)', (props, field) => {
    const err = catchValidation(() => new BlockStorageVolume(new InfraStack(new PlatformApp().infra, 'infra'), 'v', props as never));
    expect(err).toMatchObject({ path: 'infra/v', field });
  });
});

describe('GpuInstance', () => {
  test('boots a GPU instance from a volume on the network with extra volumes attached', () => {
    const { tf } = synth((app) => {
      const { stack, network, keyPair } = openstackCluster(app);
      new GpuInstance(stack, 'trainer', {
        flavor: 'g1.2t4',
        image: ImageRef.fromId(IMAGE_ID),
        availabilityZone: 'nova',
        network,
        keyPair,
        bootVolume: { type: 'fast-ssd', sizeGb: 100 },
        securityGroups: ['default', 'ssh'],
        volumes: [new BlockStorageVolume(stack, 'scratch', { sizeGb: 200, availabilityZone: 'nova' })],
      });
    });
    const vm = onlyResource(tf.infra, 'openstack_compute_instance_v2');
    expect(vm).toMatchObject({ name: 'trainer', flavor_name: 'g1.2t4', availability_zone: 'nova', security_groups: ['default', 'ssh'] });
    expect(vm.key_pair).toMatch(/openstack_compute_keypair_v2/);
    expect(vm.network).toEqual([{ uuid: expect.stringMatching(/openstack_networking_network_v2\.\w+\.id/) }]);
    expect(vm.block_device).toEqual([
      { uuid: IMAGE_ID, source_type: 'image', destination_type: 'volume', volume_size: 100, volume_type: 'fast-ssd', boot_index: 0, delete_on_termination: true },
    ]);
    const attach = onlyResource(tf.infra, 'openstack_compute_volume_attach_v2');
    expect(attach.instance_id).toMatch(/openstack_compute_instance_v2\.\w+\.id/);
    expect(attach.volume_id).toMatch(/openstack_blockstorage_volume_v3\.\w+\.id/);
    expect(resources(tf.infra, 'openstack_blockstorage_volume_v3')).toHaveLength(1);
  });

  test('two instances with a volume each: one attachment per volume', () => {
    const { tf } = synth((app) => {
      const { stack, network, keyPair } = openstackCluster(app);
      for (const id of ['a', 'b']) {
        const volumes = [new BlockStorageVolume(stack, `${id}-data`, { sizeGb: 20, availabilityZone: 'nova' })];
        new GpuInstance(stack, id, { flavor: 'g1.2t4', image: ImageRef.fromId(IMAGE_ID), availabilityZone: 'nova', network, keyPair, volumes });
      }
    });
    const attached = resources(tf.infra, 'openstack_compute_volume_attach_v2').map(([, a]) => a.volume_id);
    expect(attached).toHaveLength(2);
    expect(new Set(attached).size).toBe(2);
  });

  test.each([
    ['a flavor without GPUs', { flavor: 'm1.large' }, 'flavor'],
    ['a volume in another zone', { volumesZone: 'az-2' }, 'volumes[0]'],
    ['a boot volume too large', { bootVolume: { sizeGb: 100000 } }, 'bootVolume.sizeGb'],
  ])('rejects %s', (_n, over, field) => {
    const app = new PlatformApp();
    const { stack, network, keyPair } = openstackCluster(app);
    const o = over as Record<string, unknown>;
    const err = catchValidation(
      () =>
        new GpuInstance(stack, 'vm', {
          flavor: (o.flavor as string) ?? 'g1.2t4',
          image: ImageRef.fromId(IMAGE_ID),
          availabilityZone: 'nova',
          network,
          keyPair,
          bootVolume: o.bootVolume as never,
          volumes: o.volumesZone ? [new BlockStorageVolume(stack, 'v', { sizeGb: 10, availabilityZone: o.volumesZone as string })] : [],
        }),
    );
    expect(err).toMatchObject({ path: 'infra/vm', field });
  });
});
