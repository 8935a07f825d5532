import { ApiObject } from 'cdk8s';
// A GatewayClass (gateway.networking.k8s.io/v1): which controller serves the Gateways of this class. Cluster-scoped.
import { Construct } from 'constructs';
import * as gw from '../../generated/gateway-api';
import { at, fail } from '../../model/errors';
import { checkDnsSubdomain } from '../../model/names';
import { recordsProblems } from '../../problems';
import { whereOf } from '../../where';
import { objectMeta } from '../metadata';
import { LoadBalancerOptions } from '../networking/load-balancer';
import { trackObjects } from '../unique-objects';

/**
 * NGINX Gateway Fabric's controller name: the chart's `nginxGateway.gatewayControllerName` default
 * (nginx/nginx-gateway-fabric v2.3.0, charts/nginx-gateway-fabric/values.yaml:41).
 */
export const NGF_CONTROLLER_NAME = 'gateway.nginx.org/nginx-gateway-controller';

// The CRD's pattern for controllerName (GatewayController: a domain-prefixed path,
// config/crd/standard/gateway.networking.k8s.io_gatewayclasses.yaml, spec.controllerName).
const CONTROLLER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$/;

/** Properties of a {@link GatewayClass}. */
export interface GatewayClassProps {
  /**
   * The class name Gateways refer to (`gatewayClassName`).
   * @default 'nginx' (the name NGINX Gateway Fabric's chart creates and NHN's Gateway API guide uses)
   */
  readonly name?: string;
  /**
   * The controller that serves the class: a domain-prefixed path. It cannot be changed once the class exists.
   * @default NGF_CONTROLLER_NAME (NGINX Gateway Fabric)
   */
  readonly controllerName?: string;
  /**
   * A description for people.
   * @default - none
   */
  readonly description?: string;
  /**
   * Labels.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * The implementation's parameters object for the class (NGINX Gateway Fabric's NginxProxy).
   * @default - none
   */
  readonly parametersRef?: { readonly group: string; readonly kind: string; readonly name: string; readonly namespace?: string };
  /**
   * NHN load balancer options for the data plane LoadBalancer Service of each Gateway of this class, for an
   * implementation that copies a Gateway's `spec.infrastructure.annotations` to the Service it creates
   * (NGINX Gateway Fabric does: internal/controller/provisioner/objects.go:107-114 at v2.3.0). A Gateway's
   * own `loadBalancer` replaces it.
   * @default - none
   */
  readonly loadBalancer?: LoadBalancerOptions;
}

/** A GatewayClass: Gateways of this class are served by the controller named here (NGINX Gateway Fabric by default). */
@recordsProblems
export class GatewayClass extends Construct {
  /** The class name. */
  public readonly gatewayClassName: string;
  /** The controller name. */
  public readonly controllerName: string;
  /** The NHN load balancer options Gateways of this class get by default. */
  public readonly loadBalancer?: LoadBalancerOptions;
  /** The API object. */
  public readonly apiObject: ApiObject;

  /** Creates a GatewayClass. */
  constructor(scope: Construct, id: string, props: GatewayClassProps = {}) {
    super(scope, id);
    const where = whereOf(this, '');
    this.gatewayClassName = checkDnsSubdomain(props.name ?? 'nginx', at(where, 'name'));
    this.controllerName = props.controllerName ?? NGF_CONTROLLER_NAME;
    if (typeof this.controllerName !== 'string' || this.controllerName.length > 253 || !CONTROLLER_NAME.test(this.controllerName)) {
      fail(at(where, 'controllerName'), props.controllerName, 'a controller name is a domain-prefixed path (at most 253 characters), like "gateway.nginx.org/nginx-gateway-controller"', 'use the controller name the implementation documents');
    }
    if (props.description !== undefined && props.description.length > 64) {
      fail(at(where, 'description'), props.description, 'a GatewayClass description is at most 64 characters (gateway.networking.k8s.io_gatewayclasses.yaml:97, maxLength)', 'shorten it');
    }
    this.loadBalancer = props.loadBalancer;
    this.apiObject = new gw.GatewayClass(this, 'Resource', {
      metadata: objectMeta({ name: this.gatewayClassName, labels: props.labels }, where),
      spec: { controllerName: this.controllerName, description: props.description, parametersRef: props.parametersRef },
    });
    trackObjects(this);
  }
}
