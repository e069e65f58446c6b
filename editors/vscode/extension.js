// VS Code client for maslahat: starts `maslahat lsp` (stdio) for .rules files.
// The executable is taken from the `maslahat.path` setting (default: `maslahat` on PATH).
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('maslahat').get('path', 'maslahat');
  const serverOptions = {
    run: { command, args: ['lsp'], transport: TransportKind.stdio },
    debug: { command, args: ['lsp'], transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'maslahat' }],
  };
  client = new LanguageClient('maslahat', 'maslahat language server', serverOptions,
                              clientOptions);
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
