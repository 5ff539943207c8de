// The layer rule of docs/architecture.md, as an ESLint rule: each layer imports only from the
// layers below it (and itself), resolved from the file's own path, so no relative path can slip
// past. The domain may import no package but the date library.
import { dirname, relative, resolve, sep } from 'node:path';

const root = process.cwd();

/** What each layer may import: the layers of ours, and (where listed) the only packages. */
export const layerRules = {
  domain: { layers: ['domain'], packages: ['temporal-polyfill'] },
  'store/migrations': { layers: ['domain', 'store'] },
  store: { layers: ['domain', 'store'] },
  ingest: { layers: ['domain', 'store', 'ingest'] },
  charts: { layers: ['domain', 'charts'] },
  demo: { layers: ['domain', 'store', 'demo'] },
  app: { layers: ['domain', 'store', 'ingest', 'charts', 'demo', 'app'] },
  web: { layers: ['domain', 'store', 'ingest', 'charts', 'demo', 'app', 'web'] },
  cli: { layers: ['domain', 'store', 'ingest', 'charts', 'demo', 'app', 'cli'] },
};

/** The layer a path under src/ belongs to ('store/migrations' before 'store'), or null. */
export function layerOf(path) {
  const parts = relative(root, path).split(sep);
  if (parts[0] !== 'src' || parts.length < 3) return null;
  if (parts[1] === 'store' && parts[2] === 'migrations') return 'store/migrations';
  return Object.hasOwn(layerRules, parts[1]) ? parts[1] : null;
}

/** The layer a target belongs to, for the allow-lists (a migration's target is the store). */
function targetLayer(path) {
  const layer = layerOf(path);
  return layer === 'store/migrations' ? 'store' : layer;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'each layer imports only the layers below it (docs/architecture.md)' },
    messages: {
      layer: 'src/{{from}} may not import src/{{to}}: it may import {{allowed}} (docs/architecture.md).',
      package: 'src/{{from}} may not import {{name}}: the domain is pure, and may import only its own files and temporal-polyfill.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = layerOf(resolve(root, file));
    if (from === null) return {};
    const rule = layerRules[from];
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (spec.startsWith('.')) {
        const to = targetLayer(resolve(dirname(resolve(root, file)), spec));
        if (to !== null && !rule.layers.includes(to)) context.report({ node, messageId: 'layer', data: { from, to, allowed: rule.layers.map((l) => `src/${l}`).join(', ') } });
      } else if (rule.packages && !rule.packages.includes(spec)) {
        context.report({ node, messageId: 'package', data: { from, name: spec } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
