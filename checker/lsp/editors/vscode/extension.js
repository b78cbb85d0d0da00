// Starts `checker lsp` over stdio for Markdown, plain text and HTML documents.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("checker").get("command");
  client = new LanguageClient(
    "checker",
    "checker",
    { command, args },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "plaintext" },
        { scheme: "file", language: "html" },
        { scheme: "untitled", language: "markdown" },
        { scheme: "untitled", language: "plaintext" },
      ],
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
