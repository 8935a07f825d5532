// Bad input the property-based programs (scripts/fuzz, `npm run fuzz`) found accepted or crashing, each now a
// ValidationError with its path, field and rule. See ../corpus/harness.ts.
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Gateway, GpuPod, HttpRoute, Ingress, PlatformApp, Service, StatefulSet, WebApp } from '../../lib';
import { ConstructCase, runCorpus } from '../corpus/harness';

const chart = (app: PlatformApp): Chart => new Chart(app.k8s, 'c');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;

const cases: ConstructCase[] = [
  // A value where a list belongs: cdk8s-plus and the constructs threw "x.map is not a function" / "is not iterable".
  { name: 'Gateway listeners not a list', build: (app) => void new Gateway(chart(app), 'gw', { gatewayClass: 'nginx', listeners: untyped('http') }), path: 'c/gw', field: 'listeners', rule: /a list \(an array\)/ },
  { name: 'Ingress rules not a list', build: (app) => void new Ingress(chart(app), 'ing', { rules: untyped(true) }), path: 'c/ing', field: 'rules', rule: /a list \(an array\)/ },
  { name: 'Ingress tls not a list', build: (app) => void new Ingress(chart(app), 'ing', { rules: [], tls: untyped({ secretName: 'x' }) }), path: 'c/ing', field: 'tls', rule: /a list \(an array\)/ },
  { name: 'Service ports not a list', build: (app) => void new Service(chart(app), 'svc', { selector: { app: 'web' }, ports: untyped(80) }), path: 'c/svc', field: 'ports', rule: /a list \(an array\)/ },
  {
    name: 'HTTPRoute rules not a list',
    build: (app) => {
      const c = chart(app);
      const gateway = new Gateway(c, 'gw', { gatewayClass: 'nginx', listeners: [{ name: 'http' }] });
      new HttpRoute(c, 'route', { parents: [gateway], rules: untyped(NaN) });
    },
    path: 'c/route',
    field: 'rules',
    rule: /a list \(an array\)/,
  },
  // cdk8s refused to serialize an IntOrString of `true` ("can't render non-simple object").
  {
    name: 'probe port not a number',
    build: (app) => void new WebApp(chart(app), 'web', { image: 'nginx:1.25', ports: [80], startup: kplus.Probe.fromTcpSocket({ port: untyped(true) }) }),
    path: 'c/web',
    field: 'startup.port',
    rule: /a probe's port is a number/,
  },
  // Caught only by the output check, without a construct path.
  { name: 'GpuPod restartPolicy unknown', build: (app) => void new GpuPod(chart(app), 'gpu', { image: 'nvcr.io/nvidia/cuda:12.2.0-base-ubuntu22.04', restartPolicy: untyped('Sometimes') }), path: 'c/gpu', field: 'restartPolicy', rule: /a restart policy must be one of "Always", "OnFailure" or "Never"/ },
  { name: 'imagePullPolicy unknown', build: (app) => void new WebApp(chart(app), 'web', { image: 'nginx:1.25', imagePullPolicy: untyped('sometimes') }), path: 'c/web', field: 'imagePullPolicy', rule: /an image pull policy must be one of/ },
  { name: 'Deployment labels all empty', build: (app) => void new WebApp(chart(app), 'web', { image: 'nginx:1.25', labels: { team: '' } }), path: 'c/web', field: 'labels', rule: /drops a selector whose label values are all empty/ },
  { name: 'StatefulSet labels all empty', build: (app) => void new StatefulSet(chart(app), 'db', { image: 'redis:7.2', ports: [6379], labels: { team: '', tier: '' } }), path: 'c/db', field: 'labels', rule: /drops a selector whose label values are all empty/ },
];

runCorpus('property-based findings', cases, 10);
