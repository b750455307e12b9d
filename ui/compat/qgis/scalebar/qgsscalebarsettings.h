#pragma once
// Debian installs QGIS headers flat; some still include them with their source sub-folder.
#include <qgsscalebarsettings.h>
