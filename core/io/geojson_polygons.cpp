#include "core/io/geojson_polygons.h"

#include "core/model/text.h"

#include <ogr_feature.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace maillage::io {

namespace {

[[noreturn]] void notPlain() {
    throw GeoJsonNotPlain{};
}

//! The text ends in the buffer before the value read does, and the file has more: read more, parse again.
struct NeedMore {};

//! A JSON text read from a buffer: tokens, strings, numbers; anything unexpected throws GeoJsonNotPlain.
//! When the buffer ends before a token does and the file has more (`more`), throws NeedMore: the caller
//! reads more and parses that value again from its start.
class Json {
public:
    //! The text in [begin, end); `more` when the file goes on after `end`.
    void reset(const char* begin, const char* end, bool more) {
        m_begin = m_p = begin;
        m_end = end;
        m_more = more;
    }

    //! The next significant character (0 at the end), not consumed.
    char peek() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
        if (m_p < m_end)
            return *m_p;
        if (m_more)
            throw NeedMore{};
        return '\0';
    }
    void expect(char c) {
        if (peek() != c)
            notPlain();
        ++m_p;
    }
    //! Consumes `c` when it is next.
    bool accept(char c) {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    //! After an element of an object or array closed by `close`: true when another element follows.
    bool more(char close) {
        if (accept(','))
            return true;
        expect(close);
        return false;
    }

    //! A string, its escapes decoded (UTF-8).
    const std::string& string() {
        expect('"');
        m_text.clear();
        for (;;) {
            const char* run = m_p;
            while (m_p < m_end && *m_p != '"' && *m_p != '\\' && static_cast<unsigned char>(*m_p) >= 0x20)
                ++m_p;
            m_text.append(run, static_cast<std::size_t>(m_p - run));
            need(1);
            if (static_cast<unsigned char>(*m_p) < 0x20)
                notPlain();
            if (*m_p++ == '"')
                return m_text;
            need(1);
            switch (const char e = *m_p++) {
            case '"':
            case '\\':
            case '/':
                m_text += e;
                break;
            case 'b':
                m_text += '\b';
                break;
            case 'f':
                m_text += '\f';
                break;
            case 'n':
                m_text += '\n';
                break;
            case 'r':
                m_text += '\r';
                break;
            case 't':
                m_text += '\t';
                break;
            case 'u': {
                unsigned code = hex4();
                if (code >= 0xD800 && code < 0xDC00) { // a surrogate pair
                    need(6);
                    if (m_p[0] != '\\' || m_p[1] != 'u')
                        notPlain();
                    m_p += 2;
                    const unsigned low = hex4();
                    if (low < 0xDC00 || low >= 0xE000)
                        notPlain();
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else if (code >= 0xDC00 && code < 0xE000) {
                    notPlain();
                }
                text::appendUtf8(m_text, code);
                break;
            }
            default:
                notPlain();
            }
        }
    }

    //! The text of a number: -?digits(.digits)?([eE][+-]?digits)?
    std::string_view number(bool& integer) {
        peek();
        const char* start = m_p;
        accept('-');
        const auto digits = [&] {
            const char* from = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            if (m_p == from) {
                need(1);
                notPlain();
            }
        };
        digits();
        integer = true;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            digits();
            integer = false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            digits();
            integer = false;
        }
        if (m_p == m_end && m_more)
            throw NeedMore{}; // the number may go on
        return {start, static_cast<std::size_t>(m_p - start)};
    }

    double real() {
        bool integer = false;
        const std::string_view text = number(integer);
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size())
            notPlain();
        return value;
    }

    //! Skips any value (objects and arrays nested up to 64 levels).
    void skip(int depth = 0) {
        if (depth > 64)
            notPlain();
        switch (peek()) {
        case '"':
            string();
            return;
        case '{':
            ++m_p;
            if (accept('}'))
                return;
            do {
                string();
                expect(':');
                skip(depth + 1);
            } while (more('}'));
            return;
        case '[':
            ++m_p;
            if (accept(']'))
                return;
            do
                skip(depth + 1);
            while (more(']'));
            return;
        case 't':
            word("true");
            return;
        case 'f':
            word("false");
            return;
        case 'n':
            word("null");
            return;
        default: {
            bool integer = false;
            number(integer);
        }
        }
    }

    //! Consumes the literal `w` (true, false, null).
    void word(const char* w) {
        const std::size_t n = std::strlen(w);
        peek();
        need(n);
        if (std::memcmp(m_p, w, n) != 0)
            notPlain();
        m_p += n;
    }

    //! Offset of the next character from the text's beginning.
    std::size_t offset() const { return static_cast<std::size_t>(m_p - m_begin); }

private:
    //! At least `n` characters left: else NeedMore when the file goes on, GeoJsonNotPlain when it ends.
    void need(std::size_t n) {
        if (static_cast<std::size_t>(m_end - m_p) >= n)
            return;
        if (m_more)
            throw NeedMore{};
        notPlain();
    }

    unsigned hex4() {
        need(4);
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_p++;
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
            else
                notPlain();
        }
        return v;
    }

    const char* m_begin = nullptr;
    const char* m_p = nullptr;
    const char* m_end = nullptr;
    bool m_more = false;
    std::string m_text;
};

//! The file read chunk by chunk into a buffer (not mapped: a file truncated while it is read would kill the
//! process with SIGBUS). The buffer holds the unparsed rest of the last chunk and grows only when one feature
//! does not fit in it: its share of the memory stays a few megabytes whatever the file's size.
class Reader {
public:
    Reader(const std::string& path, std::size_t chunk) : m_buffer(std::max<std::size_t>(chunk, 16)) {
        m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0)
            notPlain();
        struct stat st {};
        if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
            ::close(m_fd);
            notPlain();
        }
        m_size = static_cast<std::size_t>(st.st_size);
        ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
        try {
            fill(0);
        } catch (...) {
            ::close(m_fd);
            throw;
        }
    }
    ~Reader() { ::close(m_fd); }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    const char* begin() const { return m_buffer.data(); }
    const char* end() const { return m_buffer.data() + m_length; }
    bool more() const { return !m_eof; }
    std::size_t size() const { return m_size; }
    //! Offset in the file of the buffer's first byte.
    std::size_t base() const { return m_base; }

    //! Drops the buffer's bytes before `keep` (an offset in the buffer), then reads until the buffer is full
    //! or the file ends; the buffer doubles when nothing could be dropped. Throws GeoJsonNotPlain when the
    //! file cannot be read.
    void fill(std::size_t keep) {
        std::memmove(m_buffer.data(), m_buffer.data() + keep, m_length - keep);
        m_length -= keep;
        m_base += keep;
        if (m_length == m_buffer.size())
            m_buffer.resize(2 * m_buffer.size());
        while (m_length < m_buffer.size() && !m_eof) {
            const ssize_t n = ::read(m_fd, m_buffer.data() + m_length, m_buffer.size() - m_length);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                notPlain();
            m_eof = n == 0;
            m_length += static_cast<std::size_t>(n);
        }
    }

private:
    int m_fd = -1;
    std::size_t m_size = 0;
    std::vector<char> m_buffer;
    std::size_t m_length = 0, m_base = 0;
    bool m_eof = false;
};

//! One ring: closed, 4 positions or more, each of two numbers.
OGRLinearRing* ring(Json& j, std::vector<double>& xs, std::vector<double>& ys) {
    xs.clear();
    ys.clear();
    j.expect('[');
    do {
        j.expect('[');
        xs.push_back(j.real());
        j.expect(',');
        ys.push_back(j.real());
        j.expect(']');
    } while (j.more(']'));
    const std::size_t n = xs.size();
    if (n < 4 || xs.front() != xs.back() || ys.front() != ys.back())
        notPlain();
    auto* r = new OGRLinearRing();
    r->setPoints(static_cast<int>(n), xs.data(), ys.data());
    return r;
}

OGRPolygon* polygon(Json& j, std::vector<double>& xs, std::vector<double>& ys) {
    auto p = std::make_unique<OGRPolygon>();
    j.expect('[');
    do
        p->addRingDirectly(ring(j, xs, ys));
    while (j.more(']'));
    return p.release();
}

} // namespace

struct GeoJsonPolygons::Impl {
    Impl(const std::string& path, std::size_t chunk) : file(path, chunk) {
        json.reset(file.begin(), file.end(), file.more());
    }

    Reader file;
    Json json;
    OGRFeatureDefn* defn = nullptr; // reference counted: features hold it too
    std::vector<std::string> keys;
    FeaturePtr first;
    bool firstTaken = false, done = false, collectionTyped = false;
    GIntBig fid = 0;
    std::vector<double> xs, ys;

    ~Impl() {
        if (defn)
            defn->Release();
    }

    //! `parse()` from the current position; when the buffer ends first (NeedMore), again from that position
    //! after reading more of the file.
    template <typename Parse> auto whole(Parse&& parse) {
        for (;;) {
            const std::size_t from = json.offset();
            try {
                return parse();
            } catch (const NeedMore&) {
                file.fill(from);
                json.reset(file.begin(), file.end(), file.more());
            }
        }
    }

    //! Reads the collection's members up to its features' array, opened.
    void openFeatures() {
        json.expect('{');
        for (;;) {
            const std::string key = json.string();
            json.expect(':');
            if (key == "features") {
                json.expect('[');
                return;
            }
            member(key);
            if (!json.more('}'))
                notPlain(); // no features
        }
    }

    //! A member of the collection other than its features.
    void member(const std::string& key) {
        if (key == "type") {
            if (json.string() != "FeatureCollection")
                notPlain();
            collectionTyped = true;
        } else if (key == "crs") {
            crs();
        } else {
            json.skip();
        }
    }

    //! A "crs" member naming WGS84 in longitude, latitude order (as ogr2ogr writes it), nothing else.
    void crs() {
        bool named = false, wgs84 = false;
        json.expect('{');
        do {
            const std::string key = json.string();
            json.expect(':');
            if (key == "type") {
                named = json.string() == "name";
            } else if (key == "properties") {
                json.expect('{');
                do {
                    const std::string property = json.string();
                    json.expect(':');
                    if (property != "name")
                        notPlain();
                    const std::string& name = json.string();
                    wgs84 = name == "urn:ogc:def:crs:OGC:1.3:CRS84" || name == "urn:ogc:def:crs:OGC::CRS84" ||
                            name == "OGC:CRS84";
                } while (json.more('}'));
            } else {
                notPlain();
            }
        } while (json.more('}'));
        if (!named || !wgs84)
            notPlain();
    }

    //! After the features' array: the collection's other members, then the end of the text.
    void closeCollection() {
        while (json.more('}')) {
            const std::string key = json.string();
            json.expect(':');
            member(key);
        }
        if (!collectionTyped || json.peek() != '\0')
            notPlain();
        done = true;
    }

    //! A geometry object: Polygon or MultiPolygon, "type" first.
    GeomPtr geometry() {
        json.expect('{');
        GeomPtr g;
        bool multi = false, typed = false;
        do {
            const std::string key = json.string();
            json.expect(':');
            if (key == "type") {
                const std::string& type = json.string();
                if (typed || (type != "Polygon" && type != "MultiPolygon"))
                    notPlain();
                typed = true;
                multi = type == "MultiPolygon";
            } else if (key == "coordinates") {
                if (!typed || g)
                    notPlain();
                if (!multi) {
                    g.reset(polygon(json, xs, ys));
                } else {
                    auto mp = std::make_unique<OGRMultiPolygon>();
                    json.expect('[');
                    do
                        mp->addGeometryDirectly(polygon(json, xs, ys));
                    while (json.more(']'));
                    g.reset(mp.release());
                }
            } else if (key == "crs" || key == "geometries") {
                notPlain();
            } else {
                json.skip();
            }
        } while (json.more('}'));
        if (!g)
            notPlain();
        return g;
    }

    //! Properties: key -> text (nullopt for null), strings or short integers.
    void properties(std::vector<std::pair<std::string, std::optional<std::string>>>& out) {
        out.clear();
        json.expect('{');
        if (json.accept('}'))
            return;
        do {
            std::string key = json.string();
            json.expect(':');
            const char c = json.peek();
            if (c == '"') {
                out.emplace_back(std::move(key), json.string());
            } else if (c == 'n') {
                json.word("null");
                out.emplace_back(std::move(key), std::nullopt);
            } else {
                bool integer = false;
                const std::string_view text = json.number(integer);
                if (!integer || text.size() > 15)
                    notPlain();
                out.emplace_back(std::move(key), std::string(text));
            }
        } while (json.more('}'));
    }

    //! The fields from the first feature's keys (none twice, whatever the case).
    void makeDefn(const std::vector<std::pair<std::string, std::optional<std::string>>>& props) {
        defn = new OGRFeatureDefn("features");
        defn->Reference();
        defn->SetGeomType(wkbUnknown);
        for (const auto& [key, value] : props) {
            if (defn->GetFieldIndex(key.c_str()) >= 0) // case-insensitive
                notPlain();
            OGRFieldDefn field(key.c_str(), OFTString);
            defn->AddFieldDefn(&field);
            keys.push_back(key);
        }
    }

    //! The next feature of the array, null after the last.
    FeaturePtr feature() {
        return whole([this] { return parseFeature(); });
    }

    //! feature() within the buffer: throws NeedMore before anything is kept when the buffer ends first.
    FeaturePtr parseFeature() {
        if (done)
            return nullptr;
        if (fid > 0 && !json.more(']')) {
            closeCollection();
            return nullptr;
        }
        if (fid == 0 && json.accept(']')) {
            closeCollection();
            return nullptr;
        }
        json.expect('{');
        GeomPtr g;
        bool typed = false, hasProperties = false;
        std::vector<std::pair<std::string, std::optional<std::string>>> props;
        do {
            const std::string key = json.string();
            json.expect(':');
            if (key == "type") {
                if (json.string() != "Feature")
                    notPlain();
                typed = true;
            } else if (key == "geometry") {
                if (json.peek() == 'n')
                    json.word("null");
                else
                    g = geometry();
            } else if (key == "properties") {
                if (json.peek() == 'n') {
                    json.word("null");
                } else {
                    properties(props);
                    hasProperties = true;
                }
            } else if (key == "id") {
                notPlain(); // GDAL takes it as the FID
            } else {
                json.skip();
            }
        } while (json.more('}'));
        if (!typed)
            notPlain();
        if (!defn)
            makeDefn(props);
        FeaturePtr f(new OGRFeature(defn));
        f->SetFID(fid++);
        if (hasProperties)
            for (auto& [key, value] : props) {
                const auto at = std::find(keys.begin(), keys.end(), key);
                if (at == keys.end())
                    notPlain(); // a key the first feature has not: GDAL would add a field
                const int i = static_cast<int>(at - keys.begin());
                if (value)
                    f->SetField(i, value->c_str());
                else
                    f->SetFieldNull(i);
            }
        if (g)
            f->SetGeometryDirectly(g.release());
        return f;
    }
};

GeoJsonPolygons::GeoJsonPolygons(const std::string& path, std::size_t chunk)
    : m(std::make_unique<Impl>(path, chunk)) {
    m->whole([this] {
        m->openFeatures();
        return 0;
    });
    m->first = m->feature();
    if (!m->first)
        notPlain(); // no feature: GDAL says so
}

GeoJsonPolygons::~GeoJsonPolygons() = default;

OGRFeatureDefn& GeoJsonPolygons::defn() {
    return *m->defn;
}

FeaturePtr GeoJsonPolygons::next() {
    if (!m->firstTaken) {
        m->firstTaken = true;
        return std::move(m->first);
    }
    return m->feature();
}

double GeoJsonPolygons::fraction() const {
    return std::min(1.0, static_cast<double>(m->file.base() + m->json.offset()) /
                             static_cast<double>(m->file.size()));
}

} // namespace maillage::io
