import * as fs from 'fs';
import * as path from 'path';
import { OpenStackCloudProfile } from '../model/cloud-profile';
import { fail } from '../model/errors';

/**
 * Reads an {@link OpenStackCloudProfile} from a JSON file (the same fields as the TypeScript interface), for
 * programs that keep their cloud's facts next to the program rather than in it, e.g.
 * `cloud: loadOpenStackCloudProfile(process.env.NKS_OPENSTACK_CLOUD!)`. Fails when the file is missing or is
 * not a JSON object; the fields themselves are checked by the InfraStack that gets the profile (errors at
 * `cloud.<field>`).
 */
export function loadOpenStackCloudProfile(file: string): OpenStackCloudProfile {
  const where = { path: typeof file === 'string' ? file : String(file), field: '(file)' };
  if (typeof file !== 'string' || file.trim() === '') {
    fail(where, file, 'a cloud profile file is named by a path', 'pass the path of a JSON file with the OpenStackCloudProfile fields');
  }
  const resolved = path.resolve(file.replace(/^~(?=$|\/)/, process.env.HOME ?? '~'));
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
    fail(where, file, `the cloud profile file ${resolved} does not exist`, 'write the profile as JSON there (see the README, "Deploying on OpenStack with Magnum"), or point to the right file');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(resolved, 'utf8'));
  } catch (e) {
    fail(where, file, `the cloud profile file ${resolved} is not valid JSON (${e instanceof Error ? e.message : String(e)})`, 'fix the JSON syntax (double-quoted keys and strings, no trailing commas)');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    fail(where, file, `the cloud profile file ${resolved} holds a JSON object with the OpenStackCloudProfile fields`, 'write { "region": ..., "availabilityZones": [...], "flavors": [...], ... }');
  }
  return parsed as OpenStackCloudProfile;
}
