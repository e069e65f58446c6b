// output::make_list, append and put: build Mustache views by moving subtrees in (kainjow's
// push_back and set deep-copy them); what a template renders from them is unchanged.
#include "output/report_data.hpp"

#include "support/catch.hpp"

namespace mu = kainjow::mustache;
using maslahat::output::append;
using maslahat::output::make_list;
using maslahat::output::put;
using maslahat::output::render_template;

TEST_CASE("append and put build the view a template renders", "[output]") {
    mu::data view;
    mu::data items = make_list(1);  // one more item than reserved: the list grows
    for (const char* name : {"a", "b"}) {
        mu::data item;
        put(item, "name", std::string(name));
        mu::data inner{mu::data::type::list};
        mu::data leaf;
        put(leaf, "x", std::string(name) + "1");
        append(inner, std::move(leaf));
        put(item, "inner", std::move(inner));
        append(items, std::move(item));
    }
    put(view, "items", std::move(items));
    put(view, "title", std::string("T"));
    put(view, "title", std::string("U"));  // a second put replaces the first
    CHECK(render_template("{{title}}:{{#items}} {{name}}[{{#inner}}{{x}}{{/inner}}]{{/items}}",
                          view) == "U: a[a1] b[b1]");
    REQUIRE(view.get("items") != nullptr);
    CHECK(view.get("items")->list_value().size() == 2);
}

TEST_CASE("append and put do nothing on a view of the wrong kind", "[output]") {
    mu::data object;  // an object, not a list
    append(object, mu::data(std::string("x")));
    CHECK(object.is_empty_object());
    mu::data list{mu::data::type::list};
    put(list, "k", mu::data(std::string("x")));
    CHECK(list.is_empty_list());
}

TEST_CASE("make_list gives an empty list with room for the items", "[output]") {
    mu::data list = make_list(3);
    CHECK(list.is_list());
    CHECK(list.is_empty_list());
    CHECK(list.list_value().capacity() >= 3);
    CHECK(render_template("[{{#l}}x{{/l}}]", mu::data("l", list)) == "[]");
}
