// Under the cdktf CLI a program's stderr is shown as red [ERROR] lines, so PlatformApp prints its warnings
// to stdout there (the CLI sets CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS for the program it runs); run
// directly, warnings go to stderr as before.
import { Chart } from 'cdk8s';
import * as path from 'path';
import { PlatformApp, WebApp } from 'nks-cdk';
import { tmpdir } from '../helpers';

function synthCapturing(env: Record<string, string | undefined>) {
  const saved = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    if (env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    const dir = tmpdir();
    const app = new PlatformApp({ outdir: path.join(dir, 'cdktf.out'), k8sOutdir: path.join(dir, 'dist') });
    // No resources and no probe: NKS-RES-1 and NKS-PROBE-1 warnings.
    new WebApp(new Chart(app.k8s, 'web'), 'nginx', { name: 'nginx', image: 'nginx:1.27', ports: [{ number: 80 }] });
    const result = app.synth();
    return { result, out: out.join(''), err: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    if (saved === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = saved;
  }
}

test('under the cdktf CLI, warnings go to stdout and nothing to stderr', () => {
  const { out, err } = synthCapturing({ CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' });
  expect(out).toMatch(/^\[warning\] NKS-RES-1 /m);
  expect(out).toMatch(/^\[warning\] NKS-PROBE-1 /m);
  expect(err).toBe('');
});

test('run directly, warnings go to stderr', () => {
  const { out, err } = synthCapturing({ CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: undefined });
  expect(err).toMatch(/^\[warning\] NKS-RES-1 /m);
  expect(out).not.toContain('[warning]');
});
