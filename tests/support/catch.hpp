// The one place that includes Catch2 (v2.13 from Debian); a move to v3 touches only this file.
#pragma once

#include <catch2/catch.hpp>
