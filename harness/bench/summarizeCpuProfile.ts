/**
 * Top self-time functions of a `.cpuprofile` (from `node --cpu-prof`), and
 * self time per package or folder: what dominates a bench run.
 *   npx node harness/bench/summarizeCpuProfile.ts /tmp/prof/CPU...cpuprofile [top]
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

/** Self time per function (name and file:line) and per package/folder, largest first. */
export function summarizeProfile(profile: CpuProfile): { totalMs: number; functions: SelfTime[]; places: SelfTime[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const totalUs = profile.endTime - profile.startTime;
  const functions = new Map<string, SelfTime>();
  const places = new Map<string, SelfTime>();
  const add = (map: Map<string, SelfTime>, key: string, name: string, where: string, us: number): void => {
    const entry = map.get(key) ?? { name, where, ms: 0, share: 0 };
    entry.ms += us / 1000;
    entry.share = (entry.ms * 1000) / totalUs;
    map.set(key, entry);
  };
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '(native)';
    const name = frame.functionName || '(anonymous)';
    add(functions, `${name}@${where}`, name, where, us);
    const place = placeOf(frame.url, name);
    add(places, place, place, '', us);
  }
  const sorted = (map: Map<string, SelfTime>): SelfTime[] => [...map.values()].sort((a, b) => b.ms - a.ms);
  return { totalMs: totalUs / 1000, functions: sorted(functions), places: sorted(places) };
}

/**
 * Who spends the self time of functions named `name`: the nearest `depth`
 * frames of application or package code above them (Node's own frames
 * skipped), heaviest first.
 */
export function callersOf(profile: CpuProfile, name: string, depth = 2): SelfTime[] {
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totalUs = profile.endTime - profile.startTime;
  const stacks = new Map<string, SelfTime>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (node?.callFrame.functionName !== name) return;
    const frames: string[] = [];
    for (let up = parent.get(id); up && frames.length < depth; up = parent.get(up.id)) {
      if (up.callFrame.url === '' || up.callFrame.url.startsWith('node:')) continue;
      frames.push(`${up.callFrame.functionName || '(anonymous)'} ${shortUrl(up.callFrame.url)}:${up.callFrame.lineNumber + 1}`);
    }
    const key = frames.join(' < ');
    const entry = stacks.get(key) ?? { name: key, where: '', ms: 0, share: 0 };
    entry.ms += (profile.timeDeltas[index] ?? 0) / 1000;
    entry.share = (entry.ms * 1000) / totalUs;
    stacks.set(key, entry);
  });
  return [...stacks.values()].sort((a, b) => b.ms - a.ms);
}

/** Components of the harness process, matched against a frame's URL, most specific first. */
const COMPONENTS: ReadonlyArray<[string, RegExp]> = [
  ['fauxqs (SNS/SQS emulator)', /node_modules\/(fauxqs|fastify|@fastify|find-my-way|light-my-request|avvio|fast-querystring|fast-json-stringify|fast-xml|secure-json-parse)/],
  ['AWS SDK clients (publisher, pollers, bench)', /node_modules\/(@aws-sdk|@smithy|@aws-crypto|fast-xml-parser|bowser)\//],
  ['publisher (Koa)', /services\/publisher|node_modules\/(koa|@koa|pino|zod|co-body|raw-body)/],
  ['Lambda service', /harness\/lambda-service/],
  ['bench', /harness\/bench/],
];

/**
 * Self time per component: each sample goes to the component of its
 * nearest frame with a known URL (so Node's own frames, a socket write
 * for example, count for whoever called them); the rest is Node itself.
 */
export function componentsOf(profile: CpuProfile): SelfTime[] {
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totalUs = profile.endTime - profile.startTime;
  const owner = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    let found = 'Node internals / other';
    if (node) {
      const name = node.callFrame.functionName;
      if (name === '(idle)' || name === '(garbage collector)' || name === '(program)') found = name;
      else {
        const match = COMPONENTS.find(([, pattern]) => pattern.test(node.callFrame.url));
        if (match) found = match[0];
        else if (parent.has(id)) found = ownerOf((parent.get(id) as ProfileNode).id);
      }
    }
    owner.set(id, found);
    return found;
  };
  const totals = new Map<string, SelfTime>();
  profile.samples.forEach((id, index) => {
    const name = ownerOf(id);
    const entry = totals.get(name) ?? { name, where: '', ms: 0, share: 0 };
    entry.ms += (profile.timeDeltas[index] ?? 0) / 1000;
    entry.share = (entry.ms * 1000) / totalUs;
    totals.set(name, entry);
  });
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'nm:').replace(/^\/work\/main\//, '');
}

/** `@aws-sdk/client-sqs`, `fauxqs`, `harness/lambda-service`, `node:internal/...`, or a marker like (garbage collector). */
function placeOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm?.[1]) return nm[1];
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const local = url.replace(/^file:\/\/\/work\/main\//, '');
  return local.split('/').slice(0, 2).join('/');
}

if (import.meta.main) {
  const [file, topText, callersText] = process.argv.slice(2);
  if (!file) {
    console.error('usage: summarizeCpuProfile.ts <file.cpuprofile> [top] [function name: show its callers]');
    process.exit(2);
  }
  const top = Number(topText ?? 30);
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const row = (entry: SelfTime): string => `${entry.ms.toFixed(0).padStart(7)} ms ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}${entry.where ? `  ${entry.where}` : ''}`;
  if (callersText) {
    console.log(`callers of ${callersText}:`);
    callersOf(profile, callersText).slice(0, top).forEach((entry) => console.log(row(entry)));
    process.exit(0);
  }
  const summary = summarizeProfile(profile);
  console.log(`profile: ${(summary.totalMs / 1000).toFixed(1)} s wall\n\nby component (Node's own frames count for their caller):`);
  componentsOf(profile).forEach((entry) => console.log(row(entry)));
  console.log('\nself time by package / folder:');
  summary.places.slice(0, 20).forEach((entry) => console.log(row(entry)));
  console.log(`\ntop ${top} functions by self time:`);
  summary.functions.slice(0, top).forEach((entry) => console.log(row(entry)));
}
