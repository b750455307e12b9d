#include "core/io/postgis_connection.h"

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace maillage::io::pg {

[[noreturn]] void fail(ErrorKind kind, const std::string& location, const char* id,
                       std::vector<MessageArg> args) {
    throw Error(kind, Location{location}, msg(id, std::move(args)));
}

std::string cleanReason(std::string reason) {
    while (!reason.empty() && std::isspace(static_cast<unsigned char>(reason.back())))
        reason.pop_back();
    if (const char* pw = std::getenv("PGPASSWORD"); pw && *pw)
        for (auto at = reason.find(pw); at != std::string::npos; at = reason.find(pw))
            reason.replace(at, std::strlen(pw), "***");
    return reason;
}

std::string quoted(const std::string& identifier) {
    std::string out = "\"";
    for (char ch : identifier)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

} // namespace maillage::io::pg
