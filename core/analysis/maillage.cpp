#include "core/analysis/maillage.h"
