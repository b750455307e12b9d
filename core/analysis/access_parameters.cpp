#include "core/analysis/access_parameters.h"

#include <cmath>

namespace maillage::analysis {

double accessWeight(const AccessParameters& p, double minutes) {
    if (!(minutes >= 0) || !(minutes < p.catchmentMinutes))
        return 0;
    switch (p.method) {
    case AccessMethod::Apl:
        for (const AccessStep& step : p.steps)
            if (minutes < step.below)
                return step.weight;
        return 0;
    case AccessMethod::Binary:
        return 1;
    case AccessMethod::Gaussian:
        return std::exp(-minutes * minutes / (2 * p.decayMinutes * p.decayMinutes));
    case AccessMethod::Exponential:
        return std::exp(-minutes / p.decayMinutes);
    }
    return 0;
}

} // namespace maillage::analysis
