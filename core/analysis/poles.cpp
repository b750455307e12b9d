#include "core/analysis/poles.h"
