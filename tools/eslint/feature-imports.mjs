import path from 'node:path';

const PUBLIC_ENTRIES = new Set(['', 'index', 'index.ts', 'index.tsx']);

/**
 * A studio feature (src/features/<x>/) may use another feature only through its public index, so the
 * other feature can move its components, api and utils around without breaking its neighbours.
 * Relative imports are resolved first: `../../orders/components/orders-table` is as much inside as
 * `features/orders/components/orders-table`.
 */
export const featurePublicImports = {
  meta: {
    type: 'problem',
    docs: { description: "Features import each other only through the other feature's index" },
    messages: {
      inside: "Import the '{{feature}}' feature through its index ('features/{{feature}}'), not '{{source}}'.",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename.split(path.sep).join('/');
    const marker = filename.lastIndexOf('/src/features/');
    if (marker < 0) return {};
    const featuresRoot = filename.slice(0, marker + '/src/features'.length);
    const [ownFeature] = filename.slice(featuresRoot.length + 1).split('/');

    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      let target;
      if (source.startsWith('.')) {
        target = path.posix.relative(featuresRoot, path.posix.resolve(path.posix.dirname(filename), source));
        if (target.startsWith('..')) return;
      } else {
        const at = source.indexOf('features/');
        if (at < 0 || (at > 0 && source[at - 1] !== '/')) return;
        target = source.slice(at + 'features/'.length);
      }
      const [feature, ...rest] = target.split('/');
      if (!feature || feature === ownFeature || PUBLIC_ENTRIES.has(rest.join('/'))) return;
      context.report({ node: node.source, messageId: 'inside', data: { feature, source } });
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'feature-public-imports': featurePublicImports } };
