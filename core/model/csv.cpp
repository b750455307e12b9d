#include "core/model/csv.h"

#include <algorithm>

namespace maillage::text {

namespace {

//! Reads a quoted field whose opening quote is at `p`; advances `p` past the closing quote (or to the end)
//! and `line` over the newlines inside. Returns whether the quote was closed.
bool readQuoted(const char*& p, const char* end, long& line, std::string& field) {
    field.clear();
    ++p;
    while (p < end) {
        const char* q = p;
        while (q < end && *q != '"' && *q != '\n' && *q != '\r')
            ++q;
        field.append(p, q);
        p = q;
        if (p >= end)
            break;
        if (*p == '"') {
            if (p + 1 < end && p[1] == '"') {
                field += '"';
                p += 2;
                continue;
            }
            ++p;
            return true;
        }
        // Newline inside quotes: kept as '\n', counted as a line.
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            ++p;
        ++p;
        ++line;
        field += '\n';
    }
    return false;
}

//! Appends to `field` what follows up to the separator or the line end (after a closing quote, or an
//! unquoted field); advances `p` there.
void readUpToSeparator(const char*& p, const char* end, char sep, std::string& field) {
    const char* q = p;
    while (q < end && *q != sep && *q != '\n' && *q != '\r')
        ++q;
    field.append(p, q);
    p = q;
}

} // namespace

std::optional<CsvOpenQuote> tokenizeCsv(std::string_view s, char sep, std::vector<CsvRecord>& records) {
    const char* p = s.data();
    const char* const end = p + s.size();
    long line = 1;
    CsvRecord rec;
    rec.line = 1;
    std::string field;
    bool recordHasContent = false;

    // One record a line in most files, each as wide as the one before: no reallocation on the way.
    records.reserve(records.size() + static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')) + 1);
    auto endRecord = [&]() {
        const std::size_t width = rec.fields.size();
        records.push_back(std::move(rec));
        rec = CsvRecord{};
        rec.fields.reserve(width);
        recordHasContent = false;
    };

    while (p < end) {
        // One field.
        if (*p == '"') {
            const long openLine = line;
            if (!readQuoted(p, end, line, field)) {
                rec.fields.push_back(std::move(field));
                const CsvOpenQuote open{openLine, rec.fields.size() - 1};
                records.push_back(std::move(rec));
                return open;
            }
            // Lenient: anything up to the separator after the closing quote belongs to the field.
            readUpToSeparator(p, end, sep, field);
            rec.fields.push_back(std::move(field));
        } else {
            field.clear();
            readUpToSeparator(p, end, sep, field);
            rec.fields.push_back(std::move(field));
        }
        recordHasContent = true;
        if (p >= end)
            break;
        if (*p == sep) {
            ++p;
            if (p >= end || *p == '\n' || *p == '\r')
                rec.fields.emplace_back(); // a trailing separator ends with an empty field
            if (p >= end)
                break;
            if (*p != '\n' && *p != '\r')
                continue;
        }
        // Line end.
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            ++p;
        ++p;
        ++line;
        endRecord();
        rec.line = line;
    }
    if (recordHasContent)
        records.push_back(std::move(rec));
    return std::nullopt;
}

} // namespace maillage::text
