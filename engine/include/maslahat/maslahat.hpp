// The one header an embedding program includes: the Engine facade, run results, values,
// diagnostics and the observer interface. See docs/embedding.md.
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/engine.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/observer.hpp"
#include "maslahat/result.hpp"
#include "maslahat/source.hpp"
#include "maslahat/value.hpp"
