# Runs one CLI golden case: `maslahat <args>` in the case folder, compares stdout, stderr and
# the exit code with expected.out / expected.err / expected.rc. With MASLAHAT_BLESS=1 in the
# environment it rewrites the expected files instead. Only "elapsed_ms" values are normalised.
# Usage: cmake -DMASLAHAT=<exe> -DCASE_DIR=<dir> -P golden_test.cmake
file(READ "${CASE_DIR}/args" args_text)
string(STRIP "${args_text}" args_text)
separate_arguments(args UNIX_COMMAND "${args_text}")
execute_process(
    COMMAND "${MASLAHAT}" ${args}
    WORKING_DIRECTORY "${CASE_DIR}"
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc
    TIMEOUT 60)
string(REGEX REPLACE "\"elapsed_ms\": [0-9.e+-]+" "\"elapsed_ms\": 0" out "${out}")

if(DEFINED ENV{MASLAHAT_BLESS} AND "$ENV{MASLAHAT_BLESS}" STREQUAL "1")
    file(WRITE "${CASE_DIR}/expected.out" "${out}")
    file(WRITE "${CASE_DIR}/expected.err" "${err}")
    file(WRITE "${CASE_DIR}/expected.rc" "${rc}\n")
    message(STATUS "blessed ${CASE_DIR}")
    return()
endif()

set(failed FALSE)
foreach(kind out err)
    set(expected "")
    if(EXISTS "${CASE_DIR}/expected.${kind}")
        file(READ "${CASE_DIR}/expected.${kind}" expected)
    endif()
    if(NOT "${${kind}}" STREQUAL "${expected}")
        message("--- expected std${kind}:\n${expected}\n--- actual std${kind}:\n${${kind}}")
        set(failed TRUE)
    endif()
endforeach()
set(expected_rc 0)
if(EXISTS "${CASE_DIR}/expected.rc")
    file(READ "${CASE_DIR}/expected.rc" expected_rc)
    string(STRIP "${expected_rc}" expected_rc)
endif()
if(NOT "${rc}" STREQUAL "${expected_rc}")
    message("--- expected exit code ${expected_rc}, got ${rc}")
    set(failed TRUE)
endif()
if(failed)
    message(FATAL_ERROR "golden case ${CASE_DIR} differs")
endif()
