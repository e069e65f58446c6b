# Warning flags for maslahat's own targets only (linked PRIVATE), -Werror when MASLAHAT_WERROR.
add_library(maslahat_warnings INTERFACE)
target_compile_options(maslahat_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual
    # g++ 12 reports false -Wrestrict positives inside std::string at -O2/-O3 (GCC PR105651).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
    $<$<BOOL:${MASLAHAT_WERROR}>:-Werror>)
