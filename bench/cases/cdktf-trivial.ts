// The yardstick of the platform target: the smallest real cdktf program, one stack with the OpenStack
// provider block and one resource, synthesized through cdktf's own App (what `cdktf synth` runs).
import { App, TerraformStack } from 'cdktf';
import { NetworkingNetworkV2 } from '../../lib/generated/providers/openstack/networking-network-v2';
import { OpenstackProvider } from '../../lib/generated/providers/openstack/provider';
import { CaseRun } from './case';

export const run: CaseRun = (_n, outdir) => {
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'trivial');
  new OpenstackProvider(stack, 'openstack', { region: 'KR1' });
  new NetworkingNetworkV2(stack, 'network', { name: 'trivial' });
  app.synth();
};
