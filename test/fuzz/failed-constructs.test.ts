// A construct whose props are wrong is left partly built; the program goes on. Using it afterwards (a getter,
// a method, another construct that refers to it) must end in nks-cdk's errors, naming the construct's own
// problem, never in a TypeError from a missing part or in a message about "undefined".
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { PersistentVolume, PersistentVolumeSource, PlatformApp, StorageClass, ValidationErrors, WebApp } from '../../lib';
import { tmpdir } from '../helpers';
import { baseCluster } from '../infra/fixtures';

function newApp(): { app: PlatformApp; dir: string } {
  const dir = tmpdir('nks-failed-');
  return { app: new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist'), log: () => undefined }), dir };
}

function synthErrors(app: PlatformApp): ValidationErrors {
  try {
    app.synth();
  } catch (e) {
    if (e instanceof ValidationErrors) return e;
    throw e;
  }
  throw new Error('synth accepted the program');
}

describe('constructs used after they failed', () => {
  test('a getter of a failed Cluster throws the program\'s ValidationErrors, the cluster\'s own problem first', () => {
    const { app } = newApp();
    const { cluster } = baseCluster(app, { availabilityZone: 'kr-pub-x' });
    let thrown: unknown;
    try {
      void cluster.defaultNodeGroup;
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationErrors);
    const errors = (thrown as ValidationErrors).errors;
    expect(errors[0]).toMatchObject({ path: 'infra/cluster', field: 'availabilityZone', value: 'kr-pub-x' });
    expect(errors[errors.length - 1]).toMatchObject({ path: 'infra/cluster', field: 'defaultNodeGroup' });
    expect(errors[errors.length - 1].rule).toMatch(/could not be built/);
    expect((thrown as Error).message).not.toMatch(/TypeError|Cannot read properties/);
  });

  test('a workload placed on a failed cluster\'s node group: synth reports the cluster\'s problem, nothing else', () => {
    const { app, dir } = newApp();
    const { cluster } = baseCluster(app, { availabilityZone: 'kr-pub-x' });
    const chart = new Chart(app.k8s, 'c');
    // The getter throws inside the WebApp's props: the program's own line, as a user writes it.
    expect(() => new WebApp(chart, 'web', { image: 'nginx:1.25', placement: cluster.defaultNodeGroup })).toThrow(ValidationErrors);
    const errors = synthErrors(app).errors;
    expect(errors.map((e) => `${e.path} ${e.field}`)).toEqual(['infra/cluster availabilityZone']);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('a claim of a PersistentVolume whose StorageClass failed: no follow-on errors about "undefined"', () => {
    const { app } = newApp();
    const chart = new Chart(app.k8s, 'c');
    const cls = new StorageClass(chart, 'sc', { name: 'SSD' });
    const pv = new PersistentVolume(chart, 'pv', { source: PersistentVolumeSource.fromNfs({ server: '10.0.0.5', path: '/exports' }), capacity: '5Gi', storageClass: cls });
    pv.addClaim('claim', { storage: '10Gi' });
    const errors = synthErrors(app).errors;
    expect(errors.map((e) => `${e.path} ${e.field}`)).toEqual(['c/sc name']);
    for (const e of errors) expect(e.message).not.toMatch(/\bundefined\b/);
  });
});
