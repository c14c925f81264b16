// Parses PowerShell commands with tree-sitter-powershell (run by web-tree-sitter) in its own
// process: web-tree-sitter loads its WebAssembly with a dynamic import, which jest's module
// sandbox refuses. Reads a JSON array of sources on stdin; prints the indexes that fail.
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node */
const { Parser, Language } = require('web-tree-sitter');

async function main() {
  const sources = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  await Parser.init();
  const language = await Language.load(
    require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'),
  );
  const parser = new Parser();
  parser.setLanguage(language);
  const failed = sources
    .map((source, i) => (parser.parse(source)?.rootNode.hasError === false ? -1 : i))
    .filter((i) => i >= 0);
  require('node:fs').writeSync(1, JSON.stringify(failed));
  // Exit at once: otherwise V8 keeps optimising the grammar's WebAssembly for seconds.
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(String(e));
  process.exit(2);
});
