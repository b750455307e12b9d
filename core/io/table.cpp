#include "core/io/table.h"
