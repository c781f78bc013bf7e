// Validates policy files against the privacymodel JSON Schema as a JavaScript consumer would: ajv 8 in strict
// mode with every error reported, ajv-formats for the `format` keywords, and YAML read by the `yaml` package as
// YAML 1.2 core (dates and `yes`/`no` stay strings, as the library reads them).
//
//   node tests/js/validate.mjs SCHEMA FILE...
//
// Prints one JSON document: {"compiled": true, "verdicts": [{"file", "valid", "errors": [...]}]}, where each
// error is {"path", "keyword", "message"}; a file that is not YAML or JSON has one error with keyword "parse".
// A schema ajv refuses prints {"compiled": false, "error": "..."}. A file ending in .json is read as JSON.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

let validate;
try {
  validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
} catch (error) {
  process.stdout.write(JSON.stringify({ compiled: false, error: String(error.message) }) + "\n");
  process.exit(0);
}

function read(file) {
  const text = readFileSync(file, "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : parse(text, { version: "1.2", schema: "core" });
}

const verdicts = files.map((file) => {
  let data;
  try {
    data = read(file);
  } catch (error) {
    return { file, valid: false, errors: [{ path: "", keyword: "parse", message: String(error.message) }] };
  }
  const valid = validate(data);
  const errors = valid ? [] : validate.errors.map((e) => ({ path: e.instancePath, keyword: e.keyword, message: e.message }));
  return { file, valid, errors };
});
process.stdout.write(JSON.stringify({ compiled: true, verdicts }) + "\n");
