// A V8 heap snapshot of a page through the Chrome DevTools Protocol: the strings it holds, and for
// a string, the chain of references that keeps it alive. The snapshot collects garbage first, so
// only what something still references is in it: enough to say whether card data is reachable.
import type { Page } from "@playwright/test";

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface HeapStrings {
  /** Every string in the snapshot (names, values, sources). */
  readonly strings: readonly string[];
  /** Strings containing `needle`, shortened around it. */
  containing(needle: string): string[];
  /** How many strings equal `value` (for short secrets, such as a CVC, found inside unrelated text). */
  equalTo(value: string): number;
  /** For the first string value matching `match`: who holds it, nearest first (for failure messages). */
  retainers(match: (text: string) => boolean): string[];
}

export async function heapStrings(page: Page): Promise<HeapStrings> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", ({ chunk }) => chunks.push(chunk));
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    await cdp.detach();
  }
  const raw = JSON.parse(chunks.join("")) as RawSnapshot;
  const { strings } = raw;
  return {
    strings,
    containing(needle) {
      return strings
        .filter((s) => s.includes(needle))
        .map((s) => {
          const at = s.indexOf(needle);
          return JSON.stringify(s.slice(Math.max(0, at - 60), at + needle.length + 60));
        });
    },
    equalTo(value) {
      return strings.filter((s) => s === value).length;
    },
    retainers: (match) => retainerChain(raw, match),
  };
}

/** The shortest chain from a GC root to the first string node whose text matches. */
function retainerChain(raw: RawSnapshot, match: (text: string) => boolean): string[] {
  const { meta } = raw.snapshot;
  const nodeFieldCount = meta.node_fields.length;
  const edgeFieldCount = meta.edge_fields.length;
  const typeOffset = meta.node_fields.indexOf("type");
  const nameOffset = meta.node_fields.indexOf("name");
  const edgeCountOffset = meta.node_fields.indexOf("edge_count");
  const edgeTypeOffset = meta.edge_fields.indexOf("type");
  const edgeNameOffset = meta.edge_fields.indexOf("name_or_index");
  const edgeToOffset = meta.edge_fields.indexOf("to_node");
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = raw;
  const nodeCount = nodes.length / nodeFieldCount;
  const describe = (node: number) =>
    `${nodeTypes[nodes[node * nodeFieldCount + typeOffset]!]} ${JSON.stringify(strings[nodes[node * nodeFieldCount + nameOffset]!]?.slice(0, 80))}`;

  // parent[n] = [from node, edge label] on a breadth-first walk from the root (node 0).
  const parent = new Map<number, [number, string]>();
  const firstEdge = new Array<number>(nodeCount);
  for (let n = 0, e = 0; n < nodeCount; n++) {
    firstEdge[n] = e;
    e += nodes[n * nodeFieldCount + edgeCountOffset]! * edgeFieldCount;
  }
  const queue = [0];
  parent.set(0, [-1, "root"]);
  let target = -1;
  for (let head = 0; head < queue.length && target < 0; head++) {
    const from = queue[head]!;
    const count = nodes[from * nodeFieldCount + edgeCountOffset]!;
    for (let i = 0; i < count; i++) {
      const e = firstEdge[from]! + i * edgeFieldCount;
      const type = edgeTypes[edges[e + edgeTypeOffset]!];
      if (type === "weak") continue;
      const to = edges[e + edgeToOffset]! / nodeFieldCount;
      if (parent.has(to)) continue;
      const nameOrIndex = edges[e + edgeNameOffset]!;
      const label = type === "element" || type === "hidden" ? `[${nameOrIndex}]` : String(strings[nameOrIndex]);
      parent.set(to, [from, `${type} ${label}`]);
      queue.push(to);
      const nodeType = nodeTypes[nodes[to * nodeFieldCount + typeOffset]!];
      if ((nodeType === "string" || nodeType === "concatenated string" || nodeType === "sliced string") && match(strings[nodes[to * nodeFieldCount + nameOffset]!] ?? "")) {
        target = to;
        break;
      }
    }
  }
  if (target < 0) {
    // Not reachable from the root: say what holds the first matching node directly, if anything.
    const found: string[] = [];
    for (let n = 0; n < nodeCount && found.length < 10; n++) {
      if (!match(strings[nodes[n * nodeFieldCount + nameOffset]!] ?? "")) continue;
      const holders: string[] = [];
      for (let m = 0; m < nodeCount && holders.length < 5; m++) {
        const count = nodes[m * nodeFieldCount + edgeCountOffset]!;
        for (let i = 0; i < count; i++) {
          const e = firstEdge[m]! + i * edgeFieldCount;
          if (edges[e + edgeToOffset]! / nodeFieldCount === n) holders.push(`${describe(m)} (${edgeTypes[edges[e + edgeTypeOffset]!]})`);
        }
      }
      found.push(`unreachable ${describe(n)}; held by: ${holders.join(", ") || "nothing"}`);
    }
    return found;
  }
  const chain: string[] = [];
  for (let n = target; n > 0; ) {
    const [from, label] = parent.get(n)!;
    chain.push(`${describe(n)}  <-${label}-  `);
    n = from;
  }
  return chain.slice(0, 60);
}
