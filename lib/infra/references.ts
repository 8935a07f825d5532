import { Construct } from 'constructs';
import { fail, Where } from '../model/errors';
import { checkUuid } from '../model/ids';
// A cycle (stack → targets → references → stack) that is safe: InfraStack is used only inside methods.
import { InfraStack } from './stack';
import { isLiteral } from './util';

/** A literal ID must be a UUID; a Terraform reference is checked by the provider at apply. */
function checkIdLiteral(id: string, where: Where, what: string): string {
  return isLiteral(id) ? checkUuid(id, where, what, `pass the ${what}'s UUID, or use the fromName() form to look it up by name`) : id;
}

/**
 * An image for nodes or instances: a UUID the user knows, or a name looked up at plan time with the
 * images data source of the stack's target (`openstack_images_image_v2` or `nhncloud_images_image_v2`, most
 * recent match), so programs carry no account-specific IDs.
 */
export abstract class ImageRef {
  /** An image by UUID. */
  public static fromId(imageId: string): ImageRef {
    return new (class extends ImageRef {
      public resolve(_scope: Construct, where: Where): string {
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

  /** The image ID (a literal UUID or a Terraform reference) for a resource under `scope`. */
  public abstract resolve(scope: Construct, where: Where): string;
  /** The ID or name, for messages and diagrams. */
  public abstract describe(): string;
}

/** A name lookup through the target's images data source, one data source per owning construct. */
class ImageLookup extends ImageRef {
  private readonly lookups = new Map<Construct, string>();
  constructor(
    private readonly label: string,
    private readonly filter: { readonly name?: string; readonly nameRegex?: string },
  ) {
    super();
  }
  public resolve(scope: Construct, where: Where): string {
    const text = this.filter.name ?? this.filter.nameRegex ?? '';
    if (isLiteral(text) && text.trim() === '') fail(where, text, 'an image name or pattern must not be empty', 'give the image name as the console lists it');
    let id = this.lookups.get(scope);
    if (!id) {
      id = InfraStack.of(scope).renderer.imageLookup(scope, this.filter);
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

  /** An external network by name. NHN Cloud names its internet-facing network `Public Network`. */
  public static fromName(name: string): ExternalNetworkRef {
    return new (class extends ExternalNetworkRef {
      public resolve(scope: Construct, where: Where): string {
        if (typeof name !== 'string' || (isLiteral(name) && name.trim() === '')) {
          fail(where, name, 'an external network name must not be empty', 'give the network name as the console lists it, e.g. ExternalNetworkRef.fromName("Public Network"), or use ExternalNetworkRef.fromId()');
        }
        return InfraStack.of(scope).renderer.externalNetworkLookup(scope, name);
      }
    })();
  }

  /** The network ID (a literal UUID or a Terraform reference) for a resource under `scope`. */
  public abstract resolve(scope: Construct, where: Where): string;
}

export { checkIdLiteral };
