#include "lsp/server.hpp"

#include "lsp/framing.hpp"
#include "lsp/workspace.hpp"

#include <nlohmann/json.hpp>

#include <istream>
#include <ostream>

namespace maslahat::lsp {
namespace {

using nlohmann::json;

constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;

json capabilities() {
    return {{"textDocumentSync", 1},  // full text on every change
            {"hoverProvider", true},
            {"definitionProvider", true},
            {"completionProvider", {{"triggerCharacters", json::array({"(", ",", " "})}}}};
}

Position position_param(const json& params) {
    const json& p = params.at("position");
    return {p.at("line").get<std::uint32_t>(), p.at("character").get<std::uint32_t>()};
}

class Server {
public:
    explicit Server(std::ostream& out) : out_(out) {}

    /// Handles one message; returns an exit code once `exit` arrived.
    std::optional<int> handle(const std::string& body) {
        json message;
        try {
            message = json::parse(body);
        } catch (const json::exception&) {
            error(nullptr, parse_error, "invalid JSON");
            return std::nullopt;
        }
        if (!message.is_object() || !message.contains("method")) {
            if (message.is_object() && message.contains("id")) {
                error(message["id"], invalid_request, "not a request");
            }
            return std::nullopt;  // a response from the client: nothing to do
        }
        const std::string method = message["method"].is_string() ? message["method"] : "";
        const json params = message.value("params", json::object());
        const bool is_request = message.contains("id");
        const json id = is_request ? message["id"] : json();
        try {
            if (method == "exit") {
                return shutdown_ ? 0 : 1;
            }
            if (is_request) {
                request(id, method, params);
            } else {
                notification(method, params);
            }
        } catch (const json::exception& e) {
            if (is_request) {
                error(id, invalid_request, std::string("bad parameters: ") + e.what());
            }
        }
        return std::nullopt;
    }

private:
    void request(const json& id, const std::string& method, const json& params) {
        if (method == "initialize") {
            reply(id, {{"capabilities", capabilities()},
                       {"serverInfo", {{"name", "maslahat"}, {"version", "0.1.0"}}}});
        } else if (method == "shutdown") {
            shutdown_ = true;
            reply(id, nullptr);
        } else if (method == "textDocument/hover") {
            const auto h = workspace_.hover(uri_of(params), position_param(params));
            reply(id, h ? *h : json(nullptr));
        } else if (method == "textDocument/definition") {
            const auto d = workspace_.definition(uri_of(params), position_param(params));
            reply(id, d ? *d : json(nullptr));
        } else if (method == "textDocument/completion") {
            reply(id, workspace_.completion(uri_of(params), position_param(params)));
        } else {
            error(id, method_not_found, "method not supported: " + method);
        }
    }

    void notification(const std::string& method, const json& params) {
        if (method == "textDocument/didOpen") {
            const json& doc = params.at("textDocument");
            const std::string uri = doc.at("uri");
            workspace_.set_document(uri, doc.at("text").get<std::string>());
            publish(uri);
        } else if (method == "textDocument/didChange") {
            const std::string uri = uri_of(params);
            const json& changes = params.at("contentChanges");
            if (!changes.empty()) {
                workspace_.set_document(uri, changes.back().at("text").get<std::string>());
            }
            publish(uri);
        } else if (method == "textDocument/didClose") {
            const std::string uri = uri_of(params);
            workspace_.close_document(uri);
            notify("textDocument/publishDiagnostics",
                   {{"uri", uri}, {"diagnostics", json::array()}});
        }
        // initialized, didSave, $/... and other notifications need no answer.
    }

    static std::string uri_of(const json& params) {
        return params.at("textDocument").at("uri").get<std::string>();
    }

    void publish(const std::string& uri) {
        notify("textDocument/publishDiagnostics",
               {{"uri", uri}, {"diagnostics", workspace_.diagnostics(uri)}});
    }

    void reply(const json& id, const json& result) {
        write_message(out_, json{{"jsonrpc", "2.0"}, {"id", id}, {"result", result}}.dump());
    }
    void error(const json& id, int code, const std::string& text) {
        write_message(
            out_,
            json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", text}}}}
                .dump());
    }
    void notify(const std::string& method, const json& params) {
        write_message(out_,
                      json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
    }

    std::ostream& out_;
    Workspace workspace_;
    bool shutdown_ = false;
};

}  // namespace

int serve(std::istream& in, std::ostream& out) {
    Server server(out);
    while (const auto body = read_message(in)) {
        if (const auto code = server.handle(*body)) {
            return *code;
        }
    }
    return 0;
}

}  // namespace maslahat::lsp
