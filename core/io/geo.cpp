#include "core/io/geo.h"
