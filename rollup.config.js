// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) from the tsc output in build/.
// Each bundle is one ES module file; libpg-query's WASM is copied beside it.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { readFileSync } from 'node:fs';
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

function copyWasm() {
  return {
    name: 'copy-wasm',
    generateBundle() {
      const wasm = require.resolve('libpg-query').replace(/index\.cjs$/, 'libpg-query.wasm');
      this.emitFile({ type: 'asset', fileName: 'libpg-query.wasm', source: readFileSync(wasm) });
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
      copyWasm(),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  };
}

export default [bundle('build/cli/index.js', 'dist/cli.js'), bundle('build/index.js', 'dist/index.js')];
