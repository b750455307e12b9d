#include "core/demo/demo.h"
