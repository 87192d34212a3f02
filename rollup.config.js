// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) from the tsc output in build/.
// Each bundle is one ES module file; libpg-query's WASM and PGlite's files (its WASM, data and
// initdb, and the contrib extension archives under pglite-contrib/) are copied beside it, so the
// Action runs with no node_modules at all.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Emscripten finds its .wasm through __dirname, which an ES module lacks.
const banner = [
  "import { createRequire as __ecCreateRequire } from 'node:module';",
  "import { fileURLToPath as __ecFileURLToPath } from 'node:url';",
  "import { dirname as __ecDirname } from 'node:path';",
  'const require = __ecCreateRequire(import.meta.url);',
  'const __filename = __ecFileURLToPath(import.meta.url);',
  'const __dirname = __ecDirname(__filename);',
].join('\n');

const PGLITE_DIST = dirname(require.resolve('@electric-sql/pglite'));
const PGLITE_CONTRIB = 'pglite-contrib';

function copyWasm() {
  return {
    name: 'copy-wasm',
    generateBundle() {
      const wasm = require.resolve('libpg-query').replace(/index\.cjs$/, 'libpg-query.wasm');
      this.emitFile({ type: 'asset', fileName: 'libpg-query.wasm', source: readFileSync(wasm) });
      for (const name of ['pglite.wasm', 'pglite.data', 'initdb.wasm'])
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(join(PGLITE_DIST, name)) });
      for (const name of readdirSync(PGLITE_DIST).filter((n) => n.endsWith('.tar.gz')))
        this.emitFile({
          type: 'asset',
          fileName: `${PGLITE_CONTRIB}/${name}`,
          source: readFileSync(join(PGLITE_DIST, name)),
        });
    },
  };
}

// PGlite's contrib modules find their archive one folder up from themselves (`../name.tar.gz`); in the
// bundle they sit in the bundle's own folder, so point them at pglite-contrib/.
function pgliteContribPaths() {
  return {
    name: 'pglite-contrib-paths',
    transform(code, id) {
      if (!id.includes('@electric-sql/pglite') || !id.includes(`${'/'}contrib${'/'}`)) return null;
      return code.replace(/new URL\((["'])\.\.\/([\w-]+\.tar\.gz)\1/g, `new URL($1./${PGLITE_CONTRIB}/$2$1`);
    },
  };
}

function bundle(input, file) {
  return {
    input,
    output: { file, format: 'es', banner, sourcemap: false, inlineDynamicImports: true },
    plugins: [
      nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
      commonjs({ ignoreDynamicRequires: true }),
      json(),
      pgliteContribPaths(),
      copyWasm(),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // Emscripten's glue in PGlite evaluates its EM_ASM snippets; nothing of ours uses eval.
      if (warning.code === 'EVAL' && warning.id?.includes('@electric-sql/pglite')) return;
      warn(warning);
    },
  };
}

export default [bundle('build/cli/index.js', 'dist/cli.js'), bundle('build/index.js', 'dist/index.js')];
