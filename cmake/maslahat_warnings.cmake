# Warning flags for maslahat's own targets only (linked PRIVATE), -Werror when MASLAHAT_WERROR.
add_library(maslahat_warnings INTERFACE)
target_compile_options(maslahat_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual
    $<$<BOOL:${MASLAHAT_WERROR}>:-Werror>)
