// Checks the TextMate grammar against the tokens sakip's own lexer finds.
// Input (argument 1): a JSON list of files, each with its lines and the
// tokens expected, as `{line, start, end, kind}` in UTF-16 columns (what
// the editor counts). Every keyword, number, money, string and comment
// must be covered only by grammar tokens of the matching scope.
// Run by the Rust test tests/e2e/editor.rs; exits 1 with the mismatches.
"use strict";
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
const registry = new vsctm.Registry({
  onigLib: oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (s) => new oniguruma.OnigString(s),
  })),
  loadGrammar: async () => {
    const file = path.join(__dirname, "..", "syntaxes", "sakip.tmLanguage.json");
    return vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
  },
});

const SCOPES = {
  keyword: ["keyword.other.sakip", "constant.language.period.sakip"],
  number: ["constant.numeric.sakip"],
  money: ["constant.numeric.money.sakip"],
  string: ["string.quoted.double.sakip"],
  comment: ["comment.line.double-slash.sakip"],
};

async function main() {
  const files = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const grammar = await registry.loadGrammar("source.sakip");
  const failures = [];
  let checked = 0;
  for (const file of files) {
    let state = vsctm.INITIAL;
    const lines = file.lines.map((text) => {
      const r = grammar.tokenizeLine(text, state);
      state = r.ruleStack;
      return r.tokens;
    });
    for (const t of file.tokens) {
      const wanted = SCOPES[t.kind];
      const covering = (lines[t.line] || []).filter((g) => g.startIndex < t.end && g.endIndex > t.start);
      const ok =
        covering.length > 0 &&
        covering.every((g) => g.scopes.some((s) => wanted.includes(s)));
      checked++;
      if (!ok) {
        const text = file.lines[t.line].slice(t.start, t.end);
        const got = covering.map((g) => g.scopes.slice(1).join(" ") || "(none)").join(" | ");
        failures.push(`${file.path}:${t.line + 1}:${t.start + 1} ${t.kind} \`${text}\` scoped ${got}`);
      }
    }
  }
  console.log(`${checked} tokens of ${files.length} files checked`);
  if (failures.length) {
    console.log(failures.slice(0, 50).join("\n"));
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
