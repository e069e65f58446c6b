// `maslahat compare`: several subjects' analyses side by side. The model is a table whose
// columns are subjects and whose rows are the declared recommendations (confidence per
// subject) and the SWOT findings (derived or not per subject, with their evidence).
// Renderers: text (aligned columns), Markdown and HTML (Mustache templates), JSON.
#pragma once

#include "maslahat/result.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace maslahat::output {

/// One column: a subject and the fact file or folder that named it (empty for --subject).
struct CompareColumn {
    std::string label;  ///< heading: the subject, with the file when two columns share it
    std::string subject;
    std::string facts;
};

struct CompareRecommendation {
    std::string id;
    std::string title;
    std::vector<std::optional<double>> confidence;  ///< per column; nullopt: not recommended
};

struct CompareFinding {
    std::string quadrant;  ///< "Strengths", "Weaknesses", "Opportunities", "Threats", "Other"
    std::string item;
    /// Per column: nullopt when not derived, else the texts of its `evidence` facts.
    std::vector<std::optional<std::vector<std::string>>> evidence;
};

struct Comparison {
    std::vector<CompareColumn> columns;
    std::vector<CompareRecommendation> recommendations;  ///< in declaration order
    std::vector<CompareFinding> findings;                ///< by quadrant (S, W, O, T), item
};

/// The SWOT quadrant of a finding item by its first letter ("S1" -> "Strengths").
std::string quadrant_of(const std::string& item);

/// A comparison with no column yet, one row per declared recommendation (id, title).
Comparison make_comparison(const std::vector<std::pair<std::string, std::string>>& declared);

/// Adds a column from a run: the subject's recommendations, and the `finding` facts that
/// mention the subject (a string slot equal to it) with the `text` of matching `evidence`.
void add_column(Comparison& comparison, CompareColumn column, const RunResult& result);

/// Makes labels unique: a subject that heads several columns gets " (file)" appended.
void disambiguate_labels(Comparison& comparison);

std::string render_compare_text(const Comparison& comparison);
std::string render_compare_json(const Comparison& comparison);
/// Markdown tables: compare.md.mustache.
std::string render_compare_markdown(const Comparison& comparison);
/// One self-contained page (inline CSS, no scripts): compare.html.mustache. Dated like the
/// run report (SOURCE_DATE_EPOCH when set).
std::string render_compare_html(const Comparison& comparison);

}  // namespace maslahat::output
