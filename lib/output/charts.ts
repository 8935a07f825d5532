// The manifests of a cdk8s App, file by file, as `App.synth()` with one file per chart writes them: the same
// dependency inference, chart order, file names and object order (test/output/charts.test.ts compares
// the two on every example). PlatformApp renders them once and hands the same objects to the checks, the
// workloads stack and the writer; `Chart.toJson()` would validate the whole app and infer its
// dependencies again on every call.
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Names } from 'cdk8s';
import { IConstruct } from 'constructs';
import { dependencyOrder } from './topology';
import { writeYamlDocuments } from './yaml';
import { constructsUnder, renderedJson } from '../synth-cache';

/**
 * The objects of one chart, in the order they are written, and the file they go to.
 * @internal
 */
export interface ChartManifests {
  /** The chart. */
  readonly chart: Chart;
  /** File name in the output directory, e.g. `web.k8s.yaml`, or `0000-web.k8s.yaml` when charts depend on charts. */
  readonly file: string;
  /** The chart's ApiObjects, dependencies first. */
  readonly apiObjects: readonly ApiObject[];
  /** Their rendered JSON (`ApiObject.toJson()`), in the same order. */
  readonly objects: readonly Record<string, unknown>[];
}

/**
 * Every chart of `app` with its objects. Call it once the tree no longer changes: like `App.synth()`, it
 * first turns construct dependencies across charts into chart dependencies (which decide chart order and
 * file names) and dependencies between constructs into dependencies between their ApiObjects.
 */
export function chartManifests(app: App): ChartManifests[] {
  const all = constructsUnder(app);
  const chartOf = chartsOf(all);
  const dependantCharts = inferDependencies(all, chartOf);
  let index = 0;
  // `app.charts`, and then each chart's own dependency graph, as cdk8s orders them.
  const charts = dependencyOrder(app, all).filter(Chart.isChart);
  return charts.map((chart) => {
    const name = Names.toDnsLabel(chart);
    const file = `${dependantCharts ? `${String(index++).padStart(4, '0')}-${name}` : name}${app.outputFileExtension}`;
    const apiObjects = dependencyOrder(chart).filter((c): c is ApiObject => ApiObject.isApiObject(c) && chartOf(c) === chart);
    return { chart, file, apiObjects, objects: apiObjects.map((o) => renderedJson(o) as Record<string, unknown>) };
  });
}

/**
 * Writes one YAML file per entry into `dir` (which must exist), plus `construct-metadata.json` when cdk8s
 * would write it (CDK8S_RECORD_CONSTRUCT_METADATA=true). A chart without objects gets an empty file, as
 * cdk8s writes it. `objects` of an entry may have been replaced (deferred values filled in).
 */
export function writeChartManifests(dir: string, manifests: readonly ChartManifests[]): void {
  for (const m of manifests) writeYamlDocuments(path.join(dir, m.file), m.objects);
  if (process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true') {
    const resources = Object.fromEntries(manifests.flatMap((m) => m.apiObjects.map((o) => [o.name, { path: o.node.path }])));
    fs.writeFileSync(path.join(dir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources }));
  }
}

/**
 * `Chart.of` for the constructs of `all`, a tree-order list (a scope comes before what it holds), looked up
 * instead of walked up; a construct outside the list (a dependency on another tree) is walked up as cdk8s does.
 */
function chartsOf(all: readonly IConstruct[]): (c: IConstruct) => Chart {
  const charts = new Map<IConstruct, Chart>();
  for (const c of all) {
    const chart = Chart.isChart(c) ? c : c.node.scope && charts.get(c.node.scope);
    if (chart) charts.set(c, chart);
  }
  return (c) => charts.get(c) ?? Chart.of(c);
}

/**
 * cdk8s's dependency inference at synth: a chart depends on the charts nested in it and on the charts its
 * constructs' dependencies live in; an ApiObject depends on the ApiObjects (of their own charts) under the
 * constructs its construct depends on. Returns whether any chart depends on another.
 */
function inferDependencies(all: readonly IConstruct[], chartOf: (c: IConstruct) => Chart): boolean {
  let dependantCharts = false;
  for (const parent of all.filter(Chart.isChart)) {
    for (const child of parent.node.children.filter(Chart.isChart)) {
      parent.node.addDependency(child);
      dependantCharts = true;
    }
  }
  const deps = (): { source: IConstruct; target: IConstruct }[] => all.flatMap((source) => source.node.dependencies.map((target) => ({ source, target })));
  for (const { source, target } of deps()) {
    if (chartOf(source) !== chartOf(target)) {
      chartOf(source).node.addDependency(chartOf(target));
      dependantCharts = true;
    }
  }
  const objectsUnder = new Map<IConstruct, ApiObject[]>();
  const objectsOf = (c: IConstruct): ApiObject[] => {
    let found = objectsUnder.get(c);
    if (!found) {
      const chart = chartOf(c);
      found = c.node.findAll().filter((x): x is ApiObject => ApiObject.isApiObject(x) && chartOf(x) === chart);
      objectsUnder.set(c, found);
    }
    return found;
  };
  for (const { source, target } of deps()) {
    for (const t of objectsOf(target)) for (const s of objectsOf(source)) if (t !== s) s.node.addDependency(t);
  }
  return dependantCharts;
}
