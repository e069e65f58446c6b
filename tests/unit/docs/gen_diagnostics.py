#!/usr/bin/env python3
"""Regenerates docs/diagnostics.md: one entry per code of codes.def, each with a minimal wrong
input and what the binary prints for it (run in a scratch folder, so paths are short).
Usage: python3 tests/unit/docs/gen_diagnostics.py path/to/maslahat > docs/diagnostics.md
The docs test (tests/unit/docs/docs_test.cmake) checks every code has an entry."""
import os, re, subprocess, sys, tempfile

MASLAHAT = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

SCHEMA = """template country {
    name: string
    role: [symbol in {origin, transit, destination}] ?
    mipex: number in 0..100 ?
    population: int ?
}
"""
LOOP = """template counter { n: int }
rule grow when ?c <- counter(n: ?n) then modify ?c(n: ?n + 1) end
rule start when not counter() then assert counter(n: 0) end
"""

# code -> (files {name: text or bytes}, command args, golden case or None, note)
C = {}
def case(code, files, args, golden=None, note=""):
    C[code] = (files, args, golden, note)

case("E0101", {"bad.rules": b"param p = \"caf\xe9\"\n"}, "check bad.rules", "tests/golden/syntax/invalid_utf8.rules",
     "The file holds the Latin-1 byte 0xE9 (shown here as `\\xe9`) instead of UTF-8.")
case("E0102", {"deep.rules": "rule r when test " + "(" * 300 + "true" + ")" * 300 + " then end\n"},
     "check deep.rules", "tests/golden/syntax/nesting_too_deep.rules",
     "300 nested parentheses; the limit is 256 open brackets and prefix operators. Exit status 3 (a limit).\n"
     "Lines longer than 200 characters are shortened on this page (`…(N characters)`).")
case("E0103", {"r.rules": "rule r when then end\n"}, "check r.rules", "tests/golden/syntax/no_conditions.rules")
case("E0104", {"r.rules": "param p = 1_\n"}, "check r.rules", "tests/golden/syntax/malformed_number.rules")
case("E0105", {"r.rules": "rule r when test true then print \"a\\qb\" end\n"}, "check r.rules",
     "tests/golden/semantic/bad_escape.rules")
case("E0106", {"r.rules": "param p = \"abc\n"}, "check r.rules", "tests/golden/syntax/unterminated_string.rules")
case("E0107", {}, "check missing.rules", "tests/golden/hostile/missing_rules_file")
case("E0108", {"r.rules": b"param p = 1\x00\n"}, "check r.rules", "tests/golden/syntax/nul_byte.rules",
     "The file holds a NUL byte after `1`.")
case("E0109", {"r.rules": "template rule { a: int }\n"}, "check r.rules", "tests/golden/syntax/keyword_as_template_name.rules")
case("E0110", {"r.rules": "param p = 1 \"a parameter with a long doc string\"\n"}, "check --max-input-size 16 r.rules",
     "tests/golden/hostile/max_input_size", "Exit status 3 (a limit). The default limit is 64 MiB.")
case("E0201", {"r.rules": "template t { a: int }\ntemplate t { b: int }\n"}, "check r.rules",
     "tests/golden/semantic/duplicate_template.rules")
case("E0202", {"r.rules": "rule r when countri() then end\n" + SCHEMA}, "check r.rules",
     "tests/golden/semantic/unknown_template.rules")
case("E0203", {"r.rules": SCHEMA + "rule r when country(mipx < 50) then end\n"}, "check r.rules",
     "tests/golden/semantic/unknown_slot.rules")
case("E0204", {"r.rules": SCHEMA + "param weak_mipex = 50\nrule r when country(mipex < $weak) then end\n"},
     "check r.rules", "tests/golden/semantic/unknown_param.rules")
case("E0205", {"r.rules": SCHEMA + "recommendation B \"Integration programmes\"\n"
               "rule r when country(name: ?n) then recommend C for ?n end\n"}, "check r.rules",
     "tests/golden/semantic/unknown_recommendation.rules")
case("E0206", {"r.rules": "rule r when test sqrt(4, 2) > 1 then end\n"}, "check r.rules",
     "tests/golden/semantic/function_arity.rules")
case("E0207", {"r.rules": "template t { a: colour }\n"}, "check r.rules", "tests/golden/semantic/slot_declarations.rules")
case("E0208", {"r.rules": "rule r when test true then assert recommended(id: B, subject: \"x\", confidence: 1) end\n"},
     "check r.rules", "tests/golden/semantic/builtin_template.rules")
case("E0209", {"r.rules": "param p = [1, 2]\n"}, "check r.rules", "tests/golden/semantic/param_not_literal.rules")
case("E0301", {"r.rules": SCHEMA + "rule r when test ?m > 1 country(mipex: ?m) then end\n"}, "check r.rules",
     "tests/golden/semantic/used_before_bound_test.rules")
case("E0302", {"r.rules": SCHEMA + "rule r when not country(name: ?n) then print \"{?n}\" end\n"},
     "check r.rules", "tests/golden/semantic/used_outside_not.rules")
case("E0303", {"r.rules": SCHEMA + "rule r when country(name: ?n) then print \"{?n + 1}\" end\n"},
     "check r.rules", "tests/golden/semantic/arithmetic_on_strings.rules")
case("E0304", {"r.rules": SCHEMA + "rule r when country(role contains nomad) then end\n"}, "check r.rules",
     "tests/golden/semantic/enum_violation.rules")
case("E0305", {"r.rules": SCHEMA + "rule r when country(name: ?n) then print \"{?n.mipex}\" end\n"},
     "check r.rules", "tests/golden/semantic/field_on_non_fact.rules")
case("E0306", {"r.rules": "rule r salience 1.5 when test true then end\n"}, "check r.rules",
     "tests/golden/semantic/salience_not_integer.rules")
case("E0307", {"r.rules": SCHEMA + "rule r when test true then assert country(mipex: 40) end\n"}, "check r.rules",
     "tests/golden/semantic/missing_required_slot.rules")
case("E0308", {"r.rules": SCHEMA + "rule r when ?f <- country() ?f <- country() then end\n"}, "check r.rules",
     "tests/golden/semantic/fact_bound_twice.rules")
case("E0309", {"r.rules": SCHEMA + "rule r when country(role < 3) then end\n"}, "check r.rules",
     "tests/golden/semantic/list_slot_ordered.rules")
case("E0310", {"r.rules": SCHEMA + "recommendation B \"Integration programmes\"\n"
               "rule r when country(name: ?n) then recommend B for ?n confidence 1.5 end\n"}, "check r.rules",
     "tests/golden/semantic/confidence_range.rules")
case("E0311", {"r.rules": "rule r when test true then log loud \"hello\" end\n"}, "check r.rules",
     "tests/golden/semantic/log_level.rules")
case("E0312", {"r.rules": SCHEMA + "rule r when country(name: ?n) then retract ?n end\n"}, "check r.rules",
     "tests/golden/semantic/retract_modify_non_fact.rules")
case("E0313", {"r.rules": "rule r when test true then print \"{?who}\" end\n"}, "check r.rules",
     "tests/golden/semantic/unknown_variable.rules")
case("E0401", {"s.rules": SCHEMA, "f.toml": "[country]\nname = \"Uzbekistan\n"}, "check s.rules --facts f.toml",
     "tests/golden/facts/syntax_truncated.toml")
case("E0402", {"s.rules": SCHEMA, "f.toml": "name = \"Uzbekistan\"\n"}, "check s.rules --facts f.toml",
     "tests/golden/facts/key_outside_table.toml")
case("E0403", {"s.rules": SCHEMA, "f.toml": "[countri]\nname = \"Uzbekistan\"\n"}, "check s.rules --facts f.toml",
     "tests/golden/facts/unknown_template.toml")
case("E0404", {"s.rules": SCHEMA, "f.toml": "[country]\nname = \"Uzbekistan\"\nmipx = 40\n"},
     "check s.rules --facts f.toml", "tests/golden/facts/unknown_slot.toml")
case("E0405", {"s.rules": SCHEMA, "f.toml": "[country]\nmipex = 40\n"}, "check s.rules --facts f.toml",
     "tests/golden/facts/missing_slot.toml")
case("E0406", {"s.rules": SCHEMA, "f.toml": "[country]\nname = \"Uzbekistan\"\npopulation = 36.8e6\n"},
     "check s.rules --facts f.toml", "tests/golden/facts/wrong_type.toml")
case("E0407", {"s.rules": SCHEMA, "f.toml": "[country]\nname = \"Uzbekistan\"\nmipex = 140\nrole = [\"origin\", \"transitt\"]\n"},
     "check s.rules --facts f.toml", "tests/golden/facts/outside_domain.toml")
case("E0408", {"s.rules": SCHEMA, "f.toml": "[country]\nname = \"Uzbekistan\"\nmipex = { value = 40, year = \"2020\" }\n"},
     "check s.rules --facts f.toml", "tests/golden/facts/provenance.toml")
case("E0501", {"s.rules": SCHEMA}, "run s.rules --bogus", "tests/golden/hostile/unknown_option", "Exit status 2.")
case("E0502", {"s.rules": SCHEMA + "param weak_mipex = 50\n"}, "run s.rules --param weak=40",
     "tests/golden/hostile/bad_param_name", "Exit status 2.")
case("E0503", {"s.rules": SCHEMA + "param weak_mipex = 50\n"}, "run s.rules --param weak_mipex=low",
     "tests/golden/hostile/bad_param_type", "Exit status 2.")
case("E0504", {"empty/README": "no rules here\n"}, "check empty", "tests/golden/hostile/empty_rules_folder")
case("E0601", {"s.rules": SCHEMA, "t.toml": "[[test]]\nname = \"a\"\ncolour = \"red\"\n[[test.expect]]\noutput = \"x\"\n"}, "test s.rules t.toml", None)
case("E0602", {"s.rules": SCHEMA, "t.toml": "[[test]]\nname = 42\n[[test.expect]]\noutput = \"x\"\n"}, "test s.rules t.toml", None)
case("E0603", {"s.rules": SCHEMA, "t.toml": "[[test]]\ndescription = \"no name\"\n[[test.expect]]\noutput = \"x\"\n"}, "test s.rules t.toml", None)
case("E0901", {"r.rules": "rule r when test true then print \"{7 % (1 - 1)}\" end\n"}, "run r.rules",
     "tests/golden/hostile/division_by_zero")
case("E0902", {"r.rules": "param big = 9223372036854775807\nrule r when test true then print \"{$big + 1}\" end\n"},
     "run r.rules", "tests/golden/hostile/int_overflow_runtime")
case("E0903", {"loop.rules": LOOP}, "run loop.rules --max-firings 100", "tests/golden/hostile/firing_limit",
     "Exit status 3 (a limit).")
case("E0904", {"r.rules": SCHEMA + "rule r when ?c <- country() then retract ?c retract ?c end\n",
               "f.toml": "[country]\nname = \"Uzbekistan\"\n"}, "run r.rules --facts f.toml", None)
case("E0905", {"r.rules": "param big = 1e308\nrule r when test true then print \"{$big * 10}\" end\n"},
     "run r.rules", None)
case("E0906", {"r.rules": SCHEMA + "recommendation B \"Integration programmes\"\n"
               "rule r when country(name: ?n, mipex: ?m) then recommend B for ?n confidence ?m end\n",
               "f.toml": "[country]\nname = \"Uzbekistan\"\nmipex = 40\n"}, "run r.rules --facts f.toml", None,
     "The confidence is the MIPEX score 40, not a value in (0, 1].")
case("E0907", {"loop.rules": "template counter { n: int }\n"
               "rule grow when counter(n: ?n) then assert counter(n: ?n + 1) end\n"
               "rule start when not counter() then assert counter(n: 0) end\n"},
     "run loop.rules --max-facts 50", "tests/golden/hostile/max_facts", "Exit status 3 (a limit).")
case("E0908", {"loop.rules": LOOP}, "run loop.rules --max-firings 100000000 --timeout 0.2", None,
     "Exit status 3 (a limit). The number of firings depends on the machine.")
case("W0001", {"r.rules": SCHEMA + "rule r when country(name: ?n) then end\n"}, "check r.rules",
     "tests/golden/semantic/unused_variable.rules", "Warnings do not change the exit status (0). Name the variable `?_n` to silence it.")
case("W0002", {"r.rules": "param weak_mipex = 50\n"}, "check r.rules", "tests/golden/semantic/unused_param.rules")
case("W0003", {"r.rules": "template hit { rule: int; id: int }\n"}, "check r.rules",
     "tests/golden/semantic/keyword_slot_name.rules")
case("W0004", {"r.rules": SCHEMA, "facts/README": "the fact files are elsewhere\n"},
     "run r.rules --facts facts", "tests/golden/hostile/empty_facts_folder",
     "A folder given to `--facts` with no `*.toml` file below it. When other paths do give "
     "files, the warning names the empty folder instead: `folder 'facts' holds no *.toml file` "
     "(the same for an empty folder among rule paths; rules found nowhere at all are E0504).")
case("W0101", {"r.rules": SCHEMA + "recommendation B \"Integration programmes\"\n"
               "rule r when country(name: ?n, mipex > 60, mipex < 40) then recommend B for ?n end\n"}, "lint r.rules",
     "tests/golden/lint/never_fires_contradiction")
case("W0102", {"r.rules": SCHEMA + "recommendation B \"Integration programmes\"\n"
               "rule r1 when country(name: ?n, mipex < 50) then recommend B for ?n end\n"
               "rule r2 when country(name: ?n, mipex < 50) then recommend B for ?n end\n"}, "lint r.rules",
     "tests/golden/lint/duplicate_rule")
case("W0103", {"r.rules": SCHEMA + "template unused { a: int }\nrule r when country() then end\n"}, "lint r.rules",
     "tests/golden/lint/unused_declarations")
case("W0104", {"r.rules": SCHEMA + "recommendation B \"Integration programmes\"\nrule r when country() then end\n"},
     "lint r.rules", "tests/golden/lint/unused_declarations")
case("W0105", {"r.rules": SCHEMA + "template programme { country: string }\n"
               "recommendation B \"Integration programmes\"\n"
               "rule r when programme(country: ?n) then recommend B for ?n end\n",
               "f.toml": "[country]\nname = \"Uzbekistan\"\n"}, "lint r.rules --facts f.toml",
     "tests/golden/lint/unproducible_recommendation")

SECTIONS = []
for line in open(os.path.join(ROOT, "engine/include/maslahat/codes.def"), encoding="utf-8"):
    m = re.match(r'// --- (\S+): (.*) ---', line)
    if m:
        SECTIONS.append((m.group(1), m.group(2), []))
    m = re.match(r'MASLAHAT_DIAG\((\w+), "(.*)"\)', line)
    if m:
        SECTIONS[-1][2].append((m.group(1), m.group(2)))

def show(data):
    if isinstance(data, bytes):
        data = data.decode("utf-8", errors="backslashreplace").replace("\x00", "\\x00")
    return "\n".join(l if len(l) <= 200 else l[:90] + " …(" + str(len(l)) + " characters)" for l in data.split("\n"))

out = ["# Diagnostics", "",
       "Every diagnostic maslahat prints, by code. The text form is spec §8's:",
       "`path:line:column: severity: message`, then the source line and a caret line under the",
       "offending span (command-line and whole-file problems have no position:",
       "`maslahat: error: message`). The code is not printed in text output; `maslahat check",
       "--format json` shows it in each diagnostic's `code` field:", "",
       "```json", '{ "code": "E0203", "severity": "error", "message": "template \'country\' has no slot \'mipx\' (did you mean \'mipex\'?)",',
       '  "file": "r.rules", "line": 7, "column": 21 }', "```", "",
       "Each entry below shows a minimal wrong input, the command, and exactly what the binary",
       "printed for it (standard error, then standard output if any, and the exit status). The",
       "entries are generated by `python3 tests/unit/docs/gen_diagnostics.py build/dev/maslahat >",
       "docs/diagnostics.md`; `ctest -R unit/docs` fails when a code of",
       "`engine/include/maslahat/codes.def` has no entry here. \"Golden case\" names a regression",
       "test under `tests/golden/` that exercises the code (`none` when only unit tests do).", "",
       "Exit status: 0 success (warnings allowed), 1 errors in the input or a run-time error,",
       "2 bad command line, 3 a limit reached (firings, facts, time, input size, nesting).", ""]
missing = []
for sec, title, codes in SECTIONS:
    out += ["## " + sec + ": " + title, ""]
    for code, summary in codes:
        out += ["### " + code + " — " + summary, ""]
        if code not in C:
            missing.append(code)
            out += ["(no example yet)", ""]
            continue
        files, args, golden, note = C[code]
        with tempfile.TemporaryDirectory() as d:
            for name, text in files.items():
                p = os.path.join(d, name)
                os.makedirs(os.path.dirname(p), exist_ok=True)
                with open(p, "wb") as f:
                    f.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            r = subprocess.run([MASLAHAT] + args.split(), cwd=d, capture_output=True, timeout=60)
        for name, text in files.items():
            lang = "toml" if name.endswith(".toml") else ""
            out += ["`" + name + "`:", "", "```" + lang, show(text).rstrip("\n"), "```", ""]
        if note:
            out += [note, ""]
        out += ["```", "$ maslahat " + args]
        err = show(r.stderr).rstrip("\n")
        if err:
            out.append(err)
        so = show(r.stdout).rstrip("\n")
        if so:
            out.append(so)
        out += ["$ echo $?", str(r.returncode), "```", ""]
        out += ["Golden case: " + ("`" + golden + "`" if golden else "none"), ""]
print("\n".join(out).rstrip("\n"))
if missing:
    sys.stderr.write("no example for: " + " ".join(missing) + "\n")
