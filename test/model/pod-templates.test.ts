import { POD_SPEC_PATHS, podsOf, podSpecOf, podTemplateLocation, podTemplateOf, runsPods } from '../../lib/model/pod-templates';

const spec = { containers: [{ name: 'app', image: 'x/y:1' }] };
const template = { metadata: { labels: { app: 'a' } }, spec };

describe('the pod template table', () => {
  test.each([
    ['Pod', 'spec', 1, { kind: 'Pod', metadata: { name: 'p' }, spec }],
    ['Deployment', 'spec.template.spec', 3, { kind: 'Deployment', spec: { replicas: 3, template } }],
    ['StatefulSet', 'spec.template.spec', 1, { kind: 'StatefulSet', spec: { template } }],
    ['ReplicaSet', 'spec.template.spec', 2, { kind: 'ReplicaSet', spec: { replicas: 2, template } }],
    ['ReplicationController', 'spec.template.spec', 4, { kind: 'ReplicationController', spec: { replicas: 4, template } }],
    ['DaemonSet', 'spec.template.spec', 'per-node', { kind: 'DaemonSet', spec: { template } }],
    ['Job', 'spec.template.spec', 5, { kind: 'Job', spec: { parallelism: 5, template } }],
    ['CronJob', 'spec.jobTemplate.spec.template.spec', 2, { kind: 'CronJob', spec: { jobTemplate: { spec: { parallelism: 2, template } } } }],
    ['PodTemplate', 'template.spec', 0, { kind: 'PodTemplate', template }],
  ])('%s: pod spec at %s, %p pod(s) at once', (_kind, path, pods, obj) => {
    expect(podSpecOf(obj)).toEqual({ spec, path });
    expect(podsOf(obj)).toBe(pods);
  });

  test('a DaemonSet has no spec.replicas: one pod per node, whatever the object says', () => {
    expect(podsOf({ kind: 'DaemonSet', spec: { replicas: 3, parallelism: 2, template } })).toBe('per-node');
  });

  test('replicas and parallelism default to 1; a CronJob counts its job template\'s parallelism', () => {
    expect(podsOf({ kind: 'Deployment', spec: { template } })).toBe(1);
    expect(podsOf({ kind: 'Job', spec: { template } })).toBe(1);
    expect(podsOf({ kind: 'CronJob', spec: { parallelism: 9, jobTemplate: { spec: { template } } } })).toBe(1);
  });

  test('kinds without a pod template, and odd objects, have none', () => {
    for (const obj of [{ kind: 'Service', spec }, { kind: 'constructor' }, { kind: 'toString', spec }, { spec }, null, 'Pod', []]) {
      expect(podSpecOf(obj)).toBeUndefined();
      expect(podsOf(obj)).toBeUndefined();
    }
    expect(podTemplateLocation('hasOwnProperty')).toBeUndefined();
    expect(podSpecOf({ kind: 'Deployment', spec: { template: { spec: [] } } })).toBeUndefined();
  });

  test('the template of a Pod is the Pod; a template without an object spec is still found', () => {
    const pod = { kind: 'Pod', metadata: { name: 'p' } };
    expect(podTemplateOf(pod)).toEqual({ template: pod, keys: [] });
    expect(podTemplateOf({ kind: 'CronJob', spec: { jobTemplate: { spec: { template: { metadata: {} } } } } })).toEqual({ template: { metadata: {} }, keys: ['spec', 'jobTemplate', 'spec', 'template'] });
  });

  test('a PodTemplate only holds a template; every other kind of the table runs pods', () => {
    expect(['Pod', 'Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'Job', 'CronJob'].every(runsPods)).toBe(true);
    expect(runsPods('PodTemplate')).toBe(false);
    expect(runsPods('Service')).toBe(false);
  });

  test('the distinct pod spec shapes, in the order the secret scan reads them', () => {
    expect(POD_SPEC_PATHS).toEqual([['spec'], ['spec', 'template', 'spec'], ['spec', 'jobTemplate', 'spec', 'template', 'spec'], ['template', 'spec']]);
  });
});
