// Policy rules as an Aspect over a construct tree of either layer: cdk8s ApiObjects are checked as their
// `toJson()` renders them, cdktf resources as their `toTerraform()` block renders them, i.e. exactly what
// synth writes.
import { ApiObject } from 'cdk8s';
import type { IAspect, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { PolicyEngine } from './engine';
import { isObj } from './objects';
import { PolicyReport } from './report';
import { declaredOn, suppressionAnnotations, suppressionsFor, suppressionsInManifest, suppressionsInTerraform, SuppressionMemo, TERRAFORM_COMMENT_KEY } from './suppressions';
import { KubeObject, ManifestRuleContext, PolicyFinding, PolicySubject, PolicySuppression } from './types';
import { constructsUnder, renderedJson } from '../synth-cache';
import { cdktfIfLoaded } from '../cdktf-runtime';

/**
 * Visits constructs and runs the engine's rules on every cdk8s ApiObject and cdktf TerraformResource, and
 * checks every suppression declared on a construct. `PlatformApp.synth()` applies it to both of its trees;
 * on a plain cdktf stack, `Aspects.of(stack).add(aspect)` runs it during `app.synth()`. Read the result
 * with {@link PolicyAspect.report}.
 */
export class PolicyAspect implements IAspect {
  private readonly found: PolicyFinding[] = [];
  // Every object of a tree, rendered once, for rules that look across objects (a claim's StorageClass).
  private readonly objectsByRoot = new Map<IConstruct, readonly KubeObject[]>();
  // Suppressions in effect per construct; the tree does not change while the aspect visits it.
  private readonly memo: SuppressionMemo = new Map();

  /**
   * @param engine the rules and levels
   * @param render how an ApiObject is rendered; pass a cache when the caller renders the objects anyway
   * (rendering dominates the cost of the rules). @default the object's rendering as synth caches it (`toJson()` outside synth)
   */
  constructor(
    private readonly engine: PolicyEngine,
    private readonly render: (apiObject: ApiObject) => KubeObject = (o) => renderedJson(o) as KubeObject,
  ) {}

  /** Checks the suppressions declared on `node` and, when it is an ApiObject or a TerraformResource, runs the rules on it. */
  public visit(node: IConstruct): void {
    const declared = declaredOn(node);
    this.found.push(...this.engine.checkSuppressions(declared, node.node.path));
    const subject = this.subjectOf(node);
    if (subject) this.found.push(...this.engine.checkSubject(subject, this.contextOf(node)));
  }

  /** What the visits found so far. */
  public report(): PolicyReport {
    return new PolicyReport([...this.found]);
  }

  private subjectOf(node: IConstruct): PolicySubject | undefined {
    const path = node.node.path;
    if (ApiObject.isApiObject(node)) {
      const object = this.render(node);
      const inCode = suppressionsFor(node, this.memo);
      // Annotations written by hand in the program count too; those nks-cdk stamped repeat `inCode`.
      const inAnnotations = suppressionsInManifest(object, path).filter((s) => !inCode.some((c) => c.ruleId === s.ruleId));
      this.found.push(...this.engine.checkSuppressions(inAnnotations, path));
      return { kind: 'manifest', object, path, suppressions: [...inCode, ...inAnnotations] };
    }
    if (isTerraformResource(node)) {
      const block = terraformBlock(node);
      if (!block) return undefined;
      const inCode = suppressionsFor(node, this.memo);
      const stamped = suppressionsInTerraform(block.body, path).filter((s) => !inCode.some((c) => c.ruleId === s.ruleId));
      return { kind: 'terraform', resource: block, path, suppressions: [...inCode, ...stamped] };
    }
    return undefined;
  }

  private contextOf(node: IConstruct): ManifestRuleContext {
    const root = node.node.root;
    const { objectsByRoot, render } = this;
    return {
      get objects(): readonly KubeObject[] {
        let objects = objectsByRoot.get(root);
        if (!objects) {
          objects = constructsUnder(root).filter(ApiObject.isApiObject).map(render);
          objectsByRoot.set(root, objects);
        }
        return objects;
      },
    };
  }
}

/** The resource's block as `toTerraform()` renders it: `{ resource: { <type>: { <name>: body } } }`. */
function terraformBlock(resource: TerraformResource): { type: string; name: string; body: Record<string, unknown> } | undefined {
  const rendered: unknown = resource.toTerraform();
  const byType = isObj(rendered) && isObj(rendered.resource) ? rendered.resource[resource.terraformResourceType] : undefined;
  if (!isObj(byType)) return undefined;
  const [name, body] = Object.entries(byType)[0] ?? [];
  return name !== undefined && isObj(body) ? { type: resource.terraformResourceType, name, body } : undefined;
}

/**
 * Writes the suppressions that apply to each object into the output: annotations on Kubernetes objects,
 * a `"//"` comment in Terraform blocks. Idempotent.
 */
export function stampSuppressions(root: IConstruct): void {
  const memo: SuppressionMemo = new Map();
  for (const node of constructsUnder(root)) {
    const suppressions: PolicySuppression[] = ApiObject.isApiObject(node) || isTerraformResource(node) ? suppressionsFor(node, memo) : [];
    if (!suppressions.length) continue;
    const annotations = suppressionAnnotations(suppressions);
    if (ApiObject.isApiObject(node)) {
      for (const [key, value] of Object.entries(annotations)) node.metadata.addAnnotation(key, value);
    } else if (isTerraformResource(node)) {
      const byRule = Object.fromEntries(suppressions.map((s) => [s.ruleId, s.reason]));
      node.addOverride(`//.${TERRAFORM_COMMENT_KEY}.suppressions`, byRule);
    }
  }
}

/** Whether `node` is a cdktf resource, without loading cdktf in a program that has none. */
function isTerraformResource(node: IConstruct): node is TerraformResource {
  return cdktfIfLoaded()?.TerraformResource.isTerraformResource(node) ?? false;
}
