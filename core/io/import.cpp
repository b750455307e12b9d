#include "core/io/import.h"
