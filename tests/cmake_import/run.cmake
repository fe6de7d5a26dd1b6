# Installs the build tree into a scratch prefix, then configures, builds and runs the consumer,
# and exports the bundled notes with the installed program (which finds the widget's files in
# <prefix>/share/notequiz/web, installed from the WebAssembly build).
set(prefix "${WORK}/prefix")
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}" --component Unspecified
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}/build" -G Ninja "-DCMAKE_PREFIX_PATH=${prefix}"
                        "-DCMAKE_CXX_COMPILER=${CONSUMER_CXX}" "-DCMAKE_EXE_LINKER_FLAGS=${CONSUMER_LINK_FLAGS}"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${WORK}/build" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed")
endif()
execute_process(COMMAND "${WORK}/build/consumer" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the consumer failed")
endif()

foreach(file note-quiz.js note-quiz-element.js notequiz_wasm.js notequiz_wasm.wasm)
  if(NOT EXISTS "${prefix}/share/notequiz/web/${file}")
    message(FATAL_ERROR "the install has no share/notequiz/web/${file} (build the WebAssembly module first: scripts/build wasm)")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=NOTEQUIZ_ASSETS
                        "${prefix}/bin/notequiz" export "${CONTENT}" -o "${WORK}/site" --format single-file
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc OR NOT EXISTS "${WORK}/site/go-interview.html")
  message(FATAL_ERROR "the installed notequiz could not export the bundled notes (${rc}): ${err}")
endif()
file(READ "${WORK}/site/go-interview.html" page)
if(NOT page MATCHES "NoteQuizElement.coreSource")
  message(FATAL_ERROR "the exported page has no widget in it")
endif()
