#include "core/io/gpkg.h"
