/* global process */
/**
 * `node -r ./ts-hook.cjs tools/src/dev/<command>.ts`: runs a command from its TypeScript source,
 * as Jest runs the tests (transpiled, not type-checked), so the command tests try the code as it
 * is, not a dist folder that may be older. The packages it imports (@cae/shared, @cae/gateway)
 * resolve as at run time, to their built dist; the processes a launcher starts run from dist too.
 */
const { readFileSync } = require("node:fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), { fileName: filename, compilerOptions });
  module._compile(outputText, filename);
};

// A test runner's options (Jest's --experimental-vm-modules) are not the command's.
delete process.env.NODE_OPTIONS;
