#include "core/analysis/density.h"
