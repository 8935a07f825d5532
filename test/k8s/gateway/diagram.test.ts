import { build } from '../../../examples/gateway-cafe/main';
import { platformModel, readSynthesizedOutput } from '../../../lib/diagram';
import { synth } from '../../helpers';
import { edgesOf } from '../../diagram/helpers';

describe('the diagram draws Gateways and HTTPRoutes like Ingresses (examples/gateway-cafe)', () => {
  const out = synth((app) => void build(app));
  const model = platformModel(readSynthesizedOutput({ outdir: out.outdir, k8sOutdir: out.k8sOutdir }));
  const edges = edgesOf(model);
  const key = (kind: string, ns: string, name: string): string => `k8s/${kind}/${ns}/${name}`;

  test('NGF serves the Gateway class; the Gateway holds the routes; each route goes to its Service', () => {
    expect(model.kubernetes.ingresses.map((i) => [i.kind, i.name])).toEqual(expect.arrayContaining([['Gateway', 'cafe-gateway'], ['HTTPRoute', 'cafe-route-uri'], ['HTTPRoute', 'cafe-route-host-tea']]));
    const gateway = key('Gateway', 'default', 'cafe-gateway');
    expect(edges).toContainEqual(expect.objectContaining({ from: key('Deployment', 'nginx-gateway', 'nginx-gateway'), to: gateway, label: 'serves class nginx' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: gateway, to: key('HTTPRoute', 'default', 'cafe-route-uri'), label: 'route' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: key('HTTPRoute', 'default', 'cafe-route-uri'), to: key('Service', 'default', 'tea-svc'), label: '*/tea → :80' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: key('HTTPRoute', 'default', 'cafe-route-host-coffee'), to: key('Service', 'default', 'coffee-svc'), label: 'coffee.cafe.example.com/ → :80' }));
  });
});
