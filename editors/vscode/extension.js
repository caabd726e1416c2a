// Starts `sakip lsp` for .sakip files and the .rhai scripts they name.
// Everything the editor shows (problems, hover, definitions, completion,
// rename, formatting, semantic colours) comes from the server.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("sakip");
  const command = config.get("path", "sakip");
  const lang = config.get("lang", "id");
  const server = { command, args: ["lsp", "--lang", lang] };
  client = new LanguageClient(
    "sakip",
    "sakip",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "sakip" },
        { scheme: "file", pattern: "**/*.rhai" },
      ],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{sakip,rhai}"),
      },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
