#pragma once
// The hand-over from the light executable to the engine module (app/main.cpp, app/light_commands.cpp).

namespace maillage::cli {

//! Thrown by the light executable where a command reaches code that needs GDAL, GEOS or PROJ, before it
//! has written anything: main() then runs the whole command again in the engine module. Not derived
//! from std::exception, so that no handler of the commands turns it into an error message.
struct EngineNeeded {
    const char* what; //!< the function that needed the engine (for MAILLAGE_DEBUG_ENGINE)
};

} // namespace maillage::cli
