# Installs maslahat::engine with every stage library it links, the public headers, the CLI and
# a package configuration (maslahatConfig.cmake) that finds the dependencies again.
include(CMakePackageConfigHelpers)

if(NOT TARGET maslahat_engine)
    return()
endif()
# Every library target of the engine (stages come and go; the export set must hold them all).
function(maslahat_collect_libraries dir out)
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    set(found "")
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(type STREQUAL "STATIC_LIBRARY" AND target MATCHES "^maslahat_")
            list(APPEND found ${target})
        endif()
    endforeach()
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subdirs)
        maslahat_collect_libraries(${sub} sub_found)
        list(APPEND found ${sub_found})
    endforeach()
    set(${out} ${found} PARENT_SCOPE)
endfunction()
maslahat_collect_libraries(${PROJECT_SOURCE_DIR}/engine maslahat_exported)
list(APPEND maslahat_exported maslahat_warnings)
foreach(target IN LISTS maslahat_exported)
    string(REPLACE "maslahat_" "" export_name ${target})
    set_target_properties(${target} PROPERTIES EXPORT_NAME ${export_name})
endforeach()

install(TARGETS ${maslahat_exported} EXPORT maslahatTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/include/maslahat
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET maslahat)
    install(TARGETS maslahat RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(EXPORT maslahatTargets NAMESPACE maslahat::
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/maslahat)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/maslahatConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/maslahatConfig.cmake
    INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/maslahat)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/maslahatConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/maslahatConfig.cmake
    ${CMAKE_CURRENT_BINARY_DIR}/maslahatConfigVersion.cmake
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/maslahat)
