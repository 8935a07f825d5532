import { Construct } from 'constructs';
import { fail, Where } from '../model/errors';
import { checkUuid } from '../model/ids';
import { ImageFilter, referenceLookupsOf } from './reference-lookups';
import { isLiteral } from './util';

/** A literal ID must be a UUID; a Terraform reference is checked by the provider at apply. */
function checkIdLiteral(id: string, where: Where, what: string): string {
  return isLiteral(id) ? checkUuid(id, where, what, `pass the ${what}'s UUID, or use the fromName() form to look it up by name`) : id;
}

/**
 * What boots from an image: NKS nodes (a cluster's `node_image`, a node group's `image_id`) or a compute
 * instance. On the nhncloud target a node image lookup is narrowed to the images NKS accepts.
 */
export type ImageUse = 'nks-node' | 'instance';

/**
 * An image for nodes or instances: a UUID the user knows, or a name looked up at plan time with the
 * images data source of the stack's target (`openstack_images_image_v2` or `nhncloud_images_image_v2`, most
 * recent match), so programs carry no account-specific IDs.
 *
 * On the nhncloud target a lookup for NKS nodes (a cluster's or node group's `image`) also asks for the
 * image property NKS documents for its node images, `nhncloud_allow_nks_cpu_flavor=true`, among public
 * images (TOAST-DOCS/Container-Kubernetes `en/public-api.md` line 53), so a name pattern cannot pick an
 * image NKS refuses. A looked-up node image is the one the cluster or group is created with: a newer match
 * later (NHN publishes new node images) does not replace them, since nks-cdk tells Terraform to ignore
 * that change; a new node group picks the newest image.
 */
export abstract class ImageRef {
  /** An image by UUID. */
  public static fromId(imageId: string): ImageRef {
    return new (class extends ImageRef {
      public resolve(_scope: Construct, where: Where, _use?: ImageUse): string {
        return checkIdLiteral(imageId, where, 'image');
      }
      public describe(): string {
        return imageId;
      }
    })();
  }

  /** The most recent image with exactly this name, e.g. `Ubuntu Server 22.04.3 LTS - Container (2024.04.16)`. */
  public static fromName(name: string): ImageRef {
    return new ImageLookup(name, { name });
  }

  /**
   * The most recent image whose name matches a regular expression (RE2 syntax, as the provider evaluates it),
   * e.g. `^Ubuntu Server 22\.04.* - Container` for the newest NKS Ubuntu 22.04 node image.
   */
  public static fromNameRegex(pattern: string): ImageRef {
    return new ImageLookup(`/${pattern}/`, { nameRegex: pattern });
  }

  /**
   * The image ID (a literal UUID or a Terraform reference) for a resource under `scope`; `use` says what
   * boots from it.
   * @default use 'instance'
   */
  public abstract resolve(scope: Construct, where: Where, use?: ImageUse): string;
  /** The ID or name, for messages and diagrams. */
  public abstract describe(): string;
}

/** A name lookup through the target's images data source, one data source per owning construct. */
class ImageLookup extends ImageRef {
  private readonly lookups = new Map<Construct, string>();
  constructor(
    private readonly label: string,
    private readonly filter: ImageFilter,
  ) {
    super();
  }
  public resolve(scope: Construct, where: Where, use: ImageUse = 'instance'): string {
    const text = this.filter.name ?? this.filter.nameRegex ?? '';
    if (isLiteral(text) && text.trim() === '') fail(where, text, 'an image name or pattern must not be empty', 'give the image name as the console lists it');
    let id = this.lookups.get(scope);
    if (!id) {
      id = referenceLookupsOf(scope).imageLookup(scope, this.filter, use);
      this.lookups.set(scope, id);
    }
    return id;
  }
  public describe(): string {
    return this.label;
  }
}

/**
 * The external (public) network a router's gateway and floating IPs come from (openstack target), or the VPC
 * network attached to the internet gateway that an NKS API endpoint's floating IP comes from (nhncloud
 * target): by UUID, or by name looked up with the target's networks data source (`external = true`).
 */
export abstract class ExternalNetworkRef {
  /** An external network by UUID. */
  public static fromId(networkId: string): ExternalNetworkRef {
    return new (class extends ExternalNetworkRef {
      public resolve(_scope: Construct, where: Where): string {
        return checkIdLiteral(networkId, where, 'external network');
      }
    })();
  }

  /**
   * An external network by name, exactly as the networks API lists it (NHN Cloud's API example names it
   * `public_network`, with `router:external: true`: TOAST-DOCS/Network-VPC `ko/public-api-compat.md` lines
   * 88–101). On the nhncloud target a network with an internet gateway needs no name: nks-cdk looks up the
   * region's external network by `router:external`, as NKS documents.
   */
  public static fromName(name: string): ExternalNetworkRef {
    return new (class extends ExternalNetworkRef {
      public resolve(scope: Construct, where: Where): string {
        if (typeof name !== 'string' || (isLiteral(name) && name.trim() === '')) {
          fail(where, name, 'an external network name must not be empty', 'give the network name as the networks API lists it (GET /v2.0/networks?router:external=True), or use ExternalNetworkRef.fromId()');
        }
        return referenceLookupsOf(scope).externalNetworkLookup(scope, name);
      }
    })();
  }

  /** The network ID (a literal UUID or a Terraform reference) for a resource under `scope`. */
  public abstract resolve(scope: Construct, where: Where): string;
}

export { checkIdLiteral };
