// `maslahat lsp` driven by a scripted client (issue 9): framed JSON-RPC messages go through
// stringstreams into the server loop; the test reads back the framed responses.
#include "lsp/server.hpp"

#include "lsp/framing.hpp"
#include "lsp/positions.hpp"
#include "support/catch.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

using nlohmann::json;
using namespace maslahat;

namespace {

// Files under a folder that does not exist: the program is the open documents of the folder.
const std::string schema_uri = "file:///nonexistent/maslahat-lsp-test/schema.rules";
const std::string rules_uri = "file:///nonexistent/maslahat-lsp-test/r%C3%BCles.rules";

const std::string schema_text =
    "template country {\n"
    "    name: string\n"
    "    mipex: number in 0..100 ?\n"
    "}\n"
    "recommendation B \"Integration programmes\" \"Long text\"\n"
    "param weak_mipex = 50 \"MIPEX score below which integration counts as weak\"\n";

struct Session {
    std::string input;
    int next_id = 1;

    void request(const std::string& method, const json& params) {
        add({{"jsonrpc", "2.0"}, {"id", next_id++}, {"method", method}, {"params", params}});
    }
    void notify(const std::string& method, const json& params) {
        add({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
    }
    void add(const json& message) {
        std::ostringstream framed;
        lsp::write_message(framed, message.dump());
        input += framed.str();
    }
    void open(const std::string& uri, const std::string& text) {
        notify("textDocument/didOpen",
               {{"textDocument",
                 {{"uri", uri}, {"languageId", "maslahat"}, {"version", 1}, {"text", text}}}});
    }
    json at(const std::string& uri, unsigned line, unsigned character) const {
        return {{"textDocument", {{"uri", uri}}},
                {"position", {{"line", line}, {"character", character}}}};
    }

    /// Runs the server over the script; returns every message it wrote.
    std::vector<json> run(int& exit_code) const {
        std::istringstream in(input);
        std::ostringstream out;
        exit_code = lsp::serve(in, out);
        std::istringstream replies(out.str());
        std::vector<json> messages;
        while (const auto body = lsp::read_message(replies)) {
            messages.push_back(json::parse(*body));
        }
        return messages;
    }
};

const json* response(const std::vector<json>& messages, int id) {
    for (const auto& m : messages) {
        if (m.contains("id") && m["id"] == id) {
            return &m;
        }
    }
    return nullptr;
}

std::vector<json> diagnostics_for(const std::vector<json>& messages, const std::string& uri) {
    std::vector<json> out;
    for (const auto& m : messages) {
        if (m.value("method", "") == "textDocument/publishDiagnostics" &&
            m["params"]["uri"] == uri) {
            out.push_back(m["params"]["diagnostics"]);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a scripted session: diagnostics, hover, definition, completion", "[lsp]") {
    Session s;
    s.request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", {}}});
    s.notify("initialized", json::object());
    s.open(schema_uri, schema_text);
    // Line 2 has an error: slot 'mipx' does not exist; "ü" before it counts one UTF-16 unit.
    const std::string broken =
        "rule weak \"ü\"\n"
        "when\n"
        "    country(name: ?n, mipx < $weak_mipex)\n"
        "then\n"
        "    recommend B for ?n\n"
        "end\n";
    s.open(rules_uri, broken);
    const std::string fixed =
        "rule weak \"ü\"\n"
        "when\n"
        "    country(name: ?n, mipex < 30, mipex > 60)\n"
        "then\n"
        "    recommend B for ?n\n"
        "end\n";
    s.notify("textDocument/didChange", {{"textDocument", {{"uri", rules_uri}, {"version", 2}}},
                                        {"contentChanges", json::array({{{"text", fixed}}})}});
    s.request("textDocument/hover", s.at(rules_uri, 2, 6));        // id 2: country
    s.request("textDocument/hover", s.at(rules_uri, 2, 35));       // id 3: a slot: no hover
    s.request("textDocument/definition", s.at(rules_uri, 4, 14));  // id 4: B
    s.request("textDocument/completion", s.at(rules_uri, 2, 22));  // id 5: inside country(
    s.request("textDocument/hover", s.at(schema_uri, 5, 8));       // id 6: param decl
    s.request("no/such/method", json::object());                   // id 7
    s.request("shutdown", nullptr);                                // id 8
    s.notify("exit", nullptr);

    int exit_code = -1;
    const auto messages = s.run(exit_code);
    CHECK(exit_code == 0);

    const json* init = response(messages, 1);
    REQUIRE(init);
    CHECK(init->at("result").at("capabilities").at("hoverProvider") == true);

    const auto published = diagnostics_for(messages, rules_uri);
    REQUIRE(published.size() == 2);
    // After didOpen: the checker's error, with the range of `mipx` (line 2, characters 22-26).
    REQUIRE(published[0].size() == 1);
    const json& error = published[0][0];
    CHECK(error["severity"] == 1);
    CHECK(error["code"] == "E0203");
    CHECK(error["range"]["start"] == json({{"line", 2}, {"character", 22}}));
    CHECK(error["range"]["end"] == json({{"line", 2}, {"character", 26}}));
    // After didChange: the linter's never-fires warning on the pattern.
    bool never_fires = false;
    for (const auto& d : published[1]) {
        if (d["message"].get<std::string>().find("[never-fires]") != std::string::npos) {
            never_fires = true;
            CHECK(d["severity"] == 2);
            CHECK(d["range"]["start"] == json({{"line", 2}, {"character", 4}}));
        }
    }
    CHECK(never_fires);
    CHECK(diagnostics_for(messages, schema_uri).size() == 1);

    const json* hover_template = response(messages, 2);
    REQUIRE(hover_template);
    const std::string template_text = hover_template->at("result")["contents"]["value"];
    CHECK(template_text.find("mipex: number in 0..100 ?") != std::string::npos);
    CHECK(response(messages, 3)->at("result").is_null());

    const json* definition = response(messages, 4);
    REQUIRE(definition);
    CHECK(definition->at("result")["uri"] == schema_uri);
    CHECK(definition->at("result")["range"]["start"] == json({{"line", 4}, {"character", 15}}));

    const json* completion = response(messages, 5);
    REQUIRE(completion);
    std::vector<std::string> labels;
    for (const auto& item : completion->at("result")) {
        labels.push_back(item["label"]);
    }
    CHECK(labels == std::vector<std::string>{"name", "mipex"});

    const json* hover_param = response(messages, 6);
    REQUIRE(hover_param);
    const std::string param_text = hover_param->at("result")["contents"]["value"];
    CHECK(param_text.find("param weak_mipex = 50") != std::string::npos);
    CHECK(param_text.find("MIPEX score below which") != std::string::npos);

    CHECK(response(messages, 7)->at("error")["code"] == -32601);
    CHECK(response(messages, 8)->at("result").is_null());
}

TEST_CASE("malformed input gets a parse error, exit without shutdown exits 1", "[lsp]") {
    std::ostringstream framed;
    lsp::write_message(framed, "{not json");
    lsp::write_message(framed, R"({"jsonrpc":"2.0","method":"exit"})");
    std::istringstream in(framed.str());
    std::ostringstream out;
    CHECK(lsp::serve(in, out) == 1);
    std::istringstream replies(out.str());
    const auto body = lsp::read_message(replies);
    REQUIRE(body);
    CHECK(json::parse(*body)["error"]["code"] == -32700);
}

TEST_CASE("positions count UTF-16 code units on 0-based lines", "[lsp]") {
    const std::string text = "a\nü𝄞x\n";
    CHECK(lsp::position_of(text, 2).character == 0);
    const auto x = lsp::position_of(text, static_cast<std::uint32_t>(text.find('x')));
    CHECK(x.line == 1);
    CHECK(x.character == 3);  // ü = 1 unit, 𝄞 = 2 units
    CHECK(lsp::offset_of(text, {1, 3}) == text.find('x'));
    CHECK(lsp::uri_to_path("file:///a%20b/c.rules") == "/a b/c.rules");
    CHECK(lsp::path_to_uri("/a b/c.rules") == "file:///a%20b/c.rules");
}
