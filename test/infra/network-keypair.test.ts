import * as fs from 'fs';
import * as path from 'path';
import { ExternalNetworkRef, InfraStack, KeyPair, Network, PlatformApp } from '../../lib';
import { catchValidation, onlyResource, resources, synth, tmpdir } from '../helpers';
import { OPENSTACK, PUBLIC_KEY } from './fixtures';

/** A program on the openstack target (TEST_CLOUD); the nhncloud renderings are in nhncloud.test.ts. */
function inStack(fn: (stack: InfraStack) => void) {
  return synth((app) => fn(new InfraStack(app.infra, 'infra', OPENSTACK)));
}

describe('Network', () => {
  test("a new VPC is a network, a subnet with the CIDR and a router to the cloud profile's external network", () => {
    const { tf } = inStack((s) => new Network(s, 'vpc', { name: 'nks-vpc', cidr: '10.0.0.0/24', dnsNameservers: ['8.8.8.8'] }));
    const t = tf.infra;
    expect(onlyResource(t, 'openstack_networking_network_v2').name).toBe('nks-vpc');
    const subnet = onlyResource(t, 'openstack_networking_subnet_v2');
    expect(subnet).toMatchObject({ name: 'nks-vpc-subnet', cidr: '10.0.0.0/24', ip_version: 4, dns_nameservers: ['8.8.8.8'] });
    expect(subnet.network_id).toMatch(/openstack_networking_network_v2\.\w+\.id/);
    const router = onlyResource(t, 'openstack_networking_router_v2');
    expect(router.external_network_id).toMatch(/^\$\{data\.openstack_networking_network_v2\.[\w-]+\.id\}$/);
    const lookup = Object.values(t.data.openstack_networking_network_v2)[0] as Record<string, unknown>;
    expect(lookup).toMatchObject({ name: 'ext-net', external: true });
    const iface = onlyResource(t, 'openstack_networking_router_interface_v2');
    expect(iface.router_id).toMatch(/openstack_networking_router_v2/);
    expect(iface.subnet_id).toMatch(/openstack_networking_subnet_v2/);
  });

  test('external network by ID and no router', () => {
    const id = '0f0e0d0c-0b0a-4909-8807-060504030201';
    const withId = inStack((s) => new Network(s, 'vpc', { externalNetwork: ExternalNetworkRef.fromId(id) })).tf.infra;
    expect(onlyResource(withId, 'openstack_networking_router_v2').external_network_id).toBe(id);
    expect(onlyResource(withId, 'openstack_networking_subnet_v2').cidr).toBe('192.168.0.0/24');
    const noRouter = inStack((s) => new Network(s, 'vpc', { createRouter: false })).tf.infra;
    expect(resources(noRouter, 'openstack_networking_router_v2')).toHaveLength(0);
  });

  test('an existing VPC creates nothing and checks its IDs', () => {
    const app = new PlatformApp();
    const stack = new InfraStack(app.infra, 'infra');
    const existing = Network.fromExisting(stack, 'vpc', { networkId: '11111111-2222-3333-4444-555555555555', subnetId: '11111111-2222-3333-4444-666666666666' });
    expect(existing.networkId).toBe('11111111-2222-3333-4444-555555555555');
    const err = catchValidation(() => Network.fromExisting(stack, 'vpc2', { networkId: 'not-a-uuid', subnetId: '11111111-2222-3333-4444-666666666666' }));
    expect(err).toMatchObject({ path: 'infra/vpc2', field: 'networkId', value: 'not-a-uuid' });
  });

  test('every private range is accepted up to its own size, on both targets; distinct DNS servers pass through', () => {
    for (const target of ['openstack', 'nhncloud'] as const) {
      const { tf } = synth((app) => {
        const s = new InfraStack(app.infra, 'infra', target === 'openstack' ? OPENSTACK : { region: 'KR1', target });
        ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '172.31.255.0/24'].forEach((cidr, i) => new Network(s, `vpc${i}`, { cidr, dnsNameservers: ['8.8.8.8', '8.8.4.4'] }));
      });
      const subnets = target === 'openstack' ? resources(tf.infra, 'openstack_networking_subnet_v2') : resources(tf.infra, 'nhncloud_networking_vpcsubnet_v2');
      expect(subnets.map(([, b]) => b.cidr)).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '172.31.255.0/24']);
      if (target === 'openstack') expect(subnets.map(([, b]) => b.dns_nameservers)).toEqual(Array(4).fill(['8.8.8.8', '8.8.4.4']));
    }
  });

  test.each([
    ['10.0.0.0/33', 'cidr'],
    ['10.0.0.1/24', 'cidr'],
    ['300.0.0.0/24', 'cidr'],
  ])('bad CIDR %s', (cidr, field) => {
    const err = catchValidation(() => new Network(new InfraStack(new PlatformApp().infra, 'infra'), 'vpc', { cidr }));
    expect(err).toMatchObject({ path: 'infra/vpc', field, value: cidr });
  });
});

describe('KeyPair', () => {
  test('a public key lands as given; no private key anywhere', () => {
    const out = inStack((s) => new KeyPair(s, 'key', { name: 'nks-key', publicKey: PUBLIC_KEY }));
    expect(onlyResource(out.tf.infra, 'openstack_compute_keypair_v2')).toEqual(expect.objectContaining({ name: 'nks-key', public_key: PUBLIC_KEY }));
    expect(out.result.warnings).toEqual([]);
  });

  test('a public key file is read at synth', () => {
    const file = path.join(tmpdir(), 'id.pub');
    fs.writeFileSync(file, `${PUBLIC_KEY}\n`);
    const out = inStack((s) => new KeyPair(s, 'key', { publicKeyFile: file }));
    expect(onlyResource(out.tf.infra, 'openstack_compute_keypair_v2').public_key).toBe(PUBLIC_KEY);
  });

  test('without a key the provider generates one, with a warning about state', () => {
    const out = inStack((s) => new KeyPair(s, 'key'));
    const kp = onlyResource(out.tf.infra, 'openstack_compute_keypair_v2');
    expect(kp.public_key).toBeUndefined();
    expect(kp.name).toBe('key');
    // Printed once, as policy rule NKS-KEY-1's finding; the construct's own warning (nks-cdk:generatedKeyPair,
    // printed when policies are off) stays in the cdktf manifest for the cdktf CLI.
    expect(out.result.warnings).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(out.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.infra.annotations).toEqual([expect.objectContaining({ constructPath: 'infra/key', level: '@cdktf/warn', message: expect.stringContaining('Terraform state') })]);
  });

  test.each([
    ['a private key', { publicKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----' }, 'publicKey', /public half/],
    ['garbage', { publicKey: 'hello world' }, 'publicKey', /OpenSSH format/],
    ['both key and file', { publicKey: PUBLIC_KEY, publicKeyFile: '/x.pub' }, 'publicKeyFile', /mutually exclusive/],
    ['missing file', { publicKeyFile: '/nonexistent/id.pub' }, 'publicKeyFile', /cannot be read/],
  ])('rejects %s', (_n, props, field, rule) => {
    const err = catchValidation(() => new KeyPair(new InfraStack(new PlatformApp().infra, 'infra'), 'key', props));
    expect(err.path).toBe('infra/key');
    expect(err.field).toBe(field);
    expect(err.rule).toMatch(rule);
    expect(String(err.value)).not.toContain('BEGIN OPENSSH');
    expect(err.message).not.toContain('BEGIN OPENSSH');
  });
});

describe('InfraStack', () => {
  test('rejects a region NHN Cloud does not have on the nhncloud target', () => {
    const err = catchValidation(() => new InfraStack(new PlatformApp().infra, 'infra', { region: 'US1', target: 'nhncloud' }));
    expect(err).toMatchObject({ path: 'infra', field: 'region', value: 'US1' });
  });
});
