#include "core/analysis/crunch.h"
