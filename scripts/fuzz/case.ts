// The contract between the fuzz generators and the runner: a generated program is a label, the props it was
// generated from (printed when it fails, so a failure can be replayed by hand) and a function that declares
// the program on a fresh PlatformApp.
import type { PlatformApp } from '../../lib';

/** One generated program. */
export interface FuzzCase {
  /** Which generator made it, e.g. "k8s/WebApp" or "infra/Cluster". */
  readonly label: string;
  /** The generated props, for the failure report. */
  readonly props: unknown;
  /** Declares the program on `app`. */
  readonly build: (app: PlatformApp) => void;
}
