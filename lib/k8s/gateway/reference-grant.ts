// A ReferenceGrant (gateway.networking.k8s.io/v1beta1, the only version Gateway API v1.4.1 serves: its CRD,
// gateway.networking.k8s.io_referencegrants.yaml:26): lets routes of other namespaces refer to objects
// (Services) in the grant's namespace. Without one, a cross-namespace backendRef is refused by the
// controller (the route's ResolvedRefs condition becomes False with reason RefNotPermitted).
import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import * as gw from '../../generated/gateway-api';
import { at, fail } from '../../model/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../../model/names';
import { recordsProblems } from '../../problems';
import { whereOf } from '../../where';
import { objectMeta } from '../metadata';
import { trackObjects } from '../unique-objects';
import { constructsUnder } from '../../synth-cache';

/** Routes of one namespace that a grant lets in. */
export interface ReferenceGrantFrom {
  /** The namespace of the routes. */
  readonly namespace: string;
  /**
   * The route kind.
   * @default 'HTTPRoute'
   */
  readonly kind?: 'HTTPRoute';
}

/** What in the grant's namespace may be referred to. */
export interface ReferenceGrantTo {
  /**
   * The kind.
   * @default 'Service'
   */
  readonly kind?: 'Service';
  /**
   * One object by name.
   * @default - every object of the kind in the namespace
   */
  readonly name?: string;
}

/** Properties of a {@link ReferenceGrant}. */
export interface ReferenceGrantProps {
  /**
   * Grant name.
   * @default - a name cdk8s generates from the construct path
   */
  readonly name?: string;
  /**
   * The namespace of the objects referred to (the grant lives there).
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /** Which routes may refer (1 to 16 entries). */
  readonly from: ReferenceGrantFrom[];
  /**
   * What they may refer to (1 to 16 entries).
   * @default - every Service of the namespace
   */
  readonly to?: ReferenceGrantTo[];
}

/** A ReferenceGrant: routes in other namespaces may send traffic to Services of this one. */
@recordsProblems
export class ReferenceGrant extends Construct {
  /** Namespace, when set on the grant. */
  public readonly namespace?: string;
  /** The namespaces and kinds let in. */
  public readonly from: readonly Required<ReferenceGrantFrom>[];
  /** The objects that may be referred to. */
  public readonly to: readonly ReferenceGrantTo[];
  /** The API object. */
  public readonly apiObject: ApiObject;

  /** Creates a ReferenceGrant. */
  constructor(scope: Construct, id: string, props: ReferenceGrantProps) {
    super(scope, id);
    const where = whereOf(this, '');
    const metadata = objectMeta({ name: props.name, namespace: props.namespace }, where);
    this.namespace = props.namespace;
    // from and to: minItems 1, maxItems 16 (gateway.networking.k8s.io_referencegrants.yaml:123-124, 173-174).
    const from = props.from ?? [];
    if (from.length === 0 || from.length > 16) fail(at(where, 'from'), from.length, 'a ReferenceGrant has 1 to 16 from entries', "give e.g. [{ namespace: 'default' }]");
    const to = props.to ?? [{}];
    if (to.length === 0 || to.length > 16) fail(at(where, 'to'), to.length, 'a ReferenceGrant has 1 to 16 to entries', 'leave to out to grant every Service of the namespace');
    this.from = from.map((f, i) => {
      if (f.kind !== undefined && f.kind !== 'HTTPRoute') fail(at(where, `from[${i}].kind`), f.kind, 'nks-cdk grants HTTPRoutes', "use kind 'HTTPRoute'");
      return { namespace: checkDnsLabel(f.namespace, at(where, `from[${i}].namespace`)), kind: 'HTTPRoute' as const };
    });
    this.to = to.map((t, i) => {
      if (t.kind !== undefined && t.kind !== 'Service') fail(at(where, `to[${i}].kind`), t.kind, 'nks-cdk grants references to Services', "use kind 'Service'");
      return { kind: 'Service' as const, name: t.name === undefined ? undefined : checkDnsSubdomain(t.name, at(where, `to[${i}].name`)) };
    });
    this.apiObject = new gw.ReferenceGrant(this, 'Resource', {
      metadata,
      spec: {
        from: this.from.map((f) => ({ group: 'gateway.networking.k8s.io', kind: f.kind, namespace: f.namespace })),
        to: this.to.map((t) => ({ group: '', kind: 'Service', name: t.name })),
      },
    });
    trackObjects(this);
  }

  /** The namespace the grant lands in: its own, else its chart's. */
  public get effectiveNamespace(): string | undefined {
    return this.namespace ?? Chart.of(this).namespace;
  }

  /** Whether this grant lets an HTTPRoute of `fromNamespace` refer to Service `serviceName` of the grant's namespace. */
  public allows(fromNamespace: string, serviceNamespace: string, serviceName: string): boolean {
    if ((this.effectiveNamespace ?? 'default') !== serviceNamespace) return false;
    return this.from.some((f) => f.namespace === fromNamespace) && this.to.some((t) => t.name === undefined || t.name === serviceName);
  }
}

/** The ReferenceGrants of the program `scope` belongs to. */
export function referenceGrantsIn(scope: IConstruct): ReferenceGrant[] {
  return constructsUnder(scope.node.root).filter((c): c is ReferenceGrant => c instanceof ReferenceGrant);
}
