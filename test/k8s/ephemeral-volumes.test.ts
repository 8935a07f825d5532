import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ConfigMap, EphemeralVolume, StorageClass, WebApp } from '../../lib';
import { DEFAULT_GIT_IMAGE } from '../../lib/k8s/storage/ephemeral-volumes';
import { catchValidation } from '../helpers';
import { expectRejected, nodeGroup } from './storage-fixtures';
import { podSpecOf, synthChart, synthK8s, testChart } from './util';

/** A one-replica WebApp in a fresh chart, and its rendered pod spec after `mount` ran. */
function podWith(mount: (chart: Chart, web: WebApp) => void) {
  const chart = testChart();
  const web = new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 1 });
  mount(chart, web);
  const deployment = synthChart(chart).find((d) => d.kind === 'Deployment')!;
  return podSpecOf(deployment);
}

describe('emptyDir', () => {
  test('in memory with an exact size limit (any quantity, not rounded to MiB)', () => {
    const spec = podWith((chart, web) => web.mount('/cache', EphemeralVolume.emptyDir(chart, 'cache', { medium: 'Memory', sizeLimit: '64Mi' })));
    expect(spec.volumes).toEqual([{ name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'cache', mountPath: '/cache' }]);
  });

  test.each(['500M', '1.5Gi'])('size limit %s lands as written', (sizeLimit) => {
    const spec = podWith((chart, web) => web.mount('/s', EphemeralVolume.emptyDir(chart, 's', { sizeLimit })));
    expect(spec.volumes[0].emptyDir).toEqual({ sizeLimit });
  });

  test('on disk by default, named after the construct id', () => {
    const spec = podWith((chart, web) => web.mount('/scratch', EphemeralVolume.emptyDir(chart, 'ScratchSpace')));
    expect(spec.volumes).toEqual([{ name: 'scratch-space', emptyDir: {} }]);
  });

  test('in memory without a size limit: a warning', () => {
    const out = synthK8s((app) => {
      const chart = new Chart(app.k8s, 'c');
      new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 1 }).mount('/cache', EphemeralVolume.emptyDir(chart, 'cache', { medium: 'Memory' }));
    });
    expect(out.warnings).toEqual([expect.stringMatching(/emptyDir "cache" is in memory without a sizeLimit/)]);
  });

  test.each([
    [{ sizeLimit: '64MB' }, 'sizeLimit', '64MB'],
    [{ medium: 'Ram' }, 'medium', 'Ram'],
    [{ name: 'Cache_Vol' }, 'name', 'Cache_Vol'],
  ])('bad input %j', (options, field, value) => {
    const err = catchValidation(() => EphemeralVolume.emptyDir(testChart('c'), 'cache', options as never));
    expect(err).toMatchObject({ path: 'c/cache', field, value });
  });
});

describe('generic ephemeral volumes (seed 003 my-app)', () => {
  test('the guide\'s claim template: labels, access mode, class and size', () => {
    const spec = podWith((chart, web) =>
      web.mount('/scratch', EphemeralVolume.generic(chart, 'scratch', { name: 'scratch-volume', labels: { type: 'my-frontend-volume' }, accessModes: ['ReadWriteOnce'], storageClass: 'scratch-storage-class', storage: '1Gi' })),
    );
    expect(spec.volumes).toEqual([
      {
        name: 'scratch-volume',
        ephemeral: {
          volumeClaimTemplate: {
            metadata: { labels: { type: 'my-frontend-volume' } },
            spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'scratch-storage-class', resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
          },
        },
      },
    ]);
  });

  test('checked like any claim: ReadWriteMany on a Cinder class is an error', () => {
    const err = expectRejected((app) => {
      const chart = new Chart(app.k8s, 'c');
      EphemeralVolume.generic(chart, 'scratch', { storage: '10Gi', accessModes: ['ReadWriteMany'], storageClass: new StorageClass(chart, 'sc', { availabilityZone: 'kr-pub-a' }) });
    });
    expect(err).toMatchObject({ path: 'c/scratch', field: 'accessModes[0]', value: 'ReadWriteMany' });
  });

  test('its class zone is checked against the workload\'s node group at synth', () => {
    const err = expectRejected((app) => {
      const chart = new Chart(app.k8s, 'c');
      const sc = new StorageClass(chart, 'sc', { name: 'sc', availabilityZone: 'kr-pub-a' });
      new WebApp(chart, 'web', { image: 'nginx:1.14.2', replicas: 1, placement: nodeGroup('kr-pub-b') }).mount('/s', EphemeralVolume.generic(chart, 'scratch', { storage: '10Gi', storageClass: sc }));
    });
    expect(err).toMatchObject({ path: 'c/web', field: 'placement' });
  });
});

describe('ConfigMap and Secret volumes', () => {
  test('items at relative paths, file mode, optional', () => {
    const spec = podWith((chart, web) => {
      const cm = new ConfigMap(chart, 'cm', { name: 'nginx-conf', data: { 'nginx.conf': 'events {}' } });
      web.mount('/etc/nginx', EphemeralVolume.fromConfigMap(chart, 'conf', cm, { name: 'conf', items: { 'nginx.conf': 'nginx.conf' }, defaultMode: 0o444 }));
      const secret = kplus.Secret.fromSecretName(chart, 'tls', 'site-tls');
      web.mount('/etc/tls', EphemeralVolume.fromSecret(chart, 'tls-volume', secret, { name: 'tls', optional: true }));
    });
    expect(spec.volumes).toEqual([
      { name: 'conf', configMap: { name: 'nginx-conf', defaultMode: 0o444, items: [{ key: 'nginx.conf', path: 'nginx.conf' }] } },
      { name: 'tls', secret: { secretName: 'site-tls', optional: true } },
    ]);
  });

  test.each([
    [{ items: { a: '../etc/passwd' } }, 'items.a', '../etc/passwd'],
    [{ defaultMode: 0o1000 }, 'defaultMode', 0o1000],
  ])('bad input %j', (options, field, value) => {
    const chart = testChart('c');
    const err = catchValidation(() => EphemeralVolume.fromConfigMap(chart, 'conf', new ConfigMap(chart, 'cm'), options));
    expect(err).toMatchObject({ path: 'c/conf', field, value });
  });
});

describe('gitClone: the replacement for the deprecated gitRepo volume', () => {
  test('an init container clones the revision into an emptyDir that the app mounts', () => {
    const spec = podWith((_chart, web) => {
      const site = EphemeralVolume.gitClone(web.deployment, 'site', { repository: 'https://github.com/kubernetes/examples.git', revision: 'v1.0', directory: 'examples' });
      web.mount('/usr/share/nginx/html', site, { readOnly: true });
    });
    expect(spec.volumes).toEqual([{ name: 'site', emptyDir: {} }]);
    expect(spec.initContainers).toEqual([
      expect.objectContaining({
        name: 'site-clone',
        image: DEFAULT_GIT_IMAGE,
        command: ['sh', '-c', "git clone --no-checkout -- 'https://github.com/kubernetes/examples.git' '/git/examples' && git -C '/git/examples' checkout 'v1.0'"],
        volumeMounts: [{ name: 'site', mountPath: '/git' }],
      }),
    ]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'site', mountPath: '/usr/share/nginx/html', readOnly: true }]);
  });

  test('without a revision: a shallow clone of the default branch into the volume root', () => {
    const spec = podWith((_chart, web) => web.mount('/src', EphemeralVolume.gitClone(web.deployment, 'src', { repository: 'git@github.com:example/app.git', image: 'alpine/git:v2.45.2' })));
    expect(spec.initContainers[0]).toMatchObject({ image: 'alpine/git:v2.45.2', command: ['sh', '-c', "git clone --depth 1 -- 'git@github.com:example/app.git' '/git'"] });
  });

  test.each([
    [{ repository: "https://x.example/a.git'; rm -rf /" }, 'site.repository'],
    [{ repository: 'file:///etc' }, 'site.repository'],
    [{ repository: 'https://x.example/a.git', revision: '--upload-pack=evil' }, 'site.revision'],
    [{ repository: 'https://x.example/a.git', directory: '../up' }, 'site.directory'],
  ])('refuses %j (nothing reaches the shell)', (options, field) => {
    const chart = testChart();
    const web = new WebApp(chart, 'web', { image: 'nginx:1.14.2' });
    const err = catchValidation(() => EphemeralVolume.gitClone(web.deployment, 'site', options));
    expect(err.field).toBe(field);
  });
});
