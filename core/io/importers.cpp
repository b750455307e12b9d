#include "core/io/importers.h"
