#pragma once
// The options of the desktop application, in one table: the command line's dispatcher (app/cli.cpp)
// lets them through to the GUI module and lists them in --help, and the GUI module (app/gui_main.cpp)
// parses them. One list, so that an option added to the desktop is never refused by the dispatcher.
#include <cstring>

namespace maillage::app {

struct DesktopOption {
    const char* name;  //!< without the leading "--"
    const char* value; //!< name of its value, or nullptr for a flag
    const char* help;
};

inline constexpr DesktopOption kDesktopOptions[] = {
    {"demo", nullptr, "open the demonstration dataset"},
    {"lang", "fr|en", "interface language (default: the one chosen in the application, else French)"},
    {"panel", "NAME", "panel to show first: poles, crunch, maillage, densites, evolution or scenarios"},
    {"select", "CODE", "select a bassin de vie by its code once the dataset is shown"},
    {"density", "PROFESSION", "colour the communes by the density of a profession (\"\" for all) once shown"},
    {"accessibility", nullptr, "with --density: accessibility (APL) rather than density"},
    {"screenshot", "FILE.png", "save the window once the map is drawn, then quit"},
    {"export", "FILE", "export the map view (PDF, PNG or SVG), then quit"},
    {"orientation", "landscape|portrait", "page of --export (default: landscape)"},
    {"page-size", "a4|a3", "page of --export (default: a4)"},
    {"bench-startup", nullptr,
     "print the milliseconds to the first drawn map (wall since the process started, and CPU), then quit"},
    {"workshop", nullptr, "open in workshop mode: full screen, large labels, slides (Esc leaves)"},
    {"compare", nullptr, "show two synchronised maps side by side (two years of pôles)"},
    {"scenario", "NAME",
     "apply a scenario kept in the dataset once shown: the Scénarios panel with its sentences and tables, "
     "the map after it (with --compare: the maps before and after it side by side)"},
};

//! The option called `name` (without "--"), or nullptr.
inline const DesktopOption* findDesktopOption(const char* name) {
    for (const DesktopOption& o : kDesktopOptions)
        if (std::strcmp(o.name, name) == 0)
            return &o;
    return nullptr;
}

} // namespace maillage::app
