#pragma once
// Datasets in a PostgreSQL/PostGIS schema ("PG:service=ors schema=nord", "PG:dbname=x host=y user=z
// schema=nord"): the same tables and layers as the GeoPackage (core/io/gpkg.h), so that QGIS opens them
// from its PostGIS connection unchanged. Passwords come only from PGPASSWORD, ~/.pgpass or a service
// file, never from the string (refused), so that no message can echo one.
// Writes are transactions: a dataset is copied into a new schema that is renamed into place at the end
// (the previous dataset stays whole until then); parameters, cooperations and scenarios are saved row by row
// under optimistic concurrency (table maillage_versions: one version per item, who saved it and when).
#include "core/io/atomic_file.h"
#include "core/io/gdal_util.h"
#include "core/model/dataset.h"
#include "core/model/feedback.h"
#include "core/model/message.h"
#include "core/model/parameters.h"
#include "core/model/scenario.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace maillage::io {

//! True when `location` names a PostgreSQL dataset ("PG:..." in any case) rather than a file.
bool isPostgisDataset(const std::string& location);

//! A parsed "PG:..." location.
struct PostgisLocation {
    std::string connection; //!< libpq connection string, without `schema=`
    std::string schema;     //!< the dataset's schema
};

//! Parses "PG:<libpq keywords> schema=<name>". Throws Error(Parameter) when the schema is missing or not a
//! plain identifier, or when the string holds a password (never echoed).
PostgisLocation parsePostgisLocation(const std::string& location);

//! The tables of the dataset's schema read at once (core/io/postgis_read.h), for core/io/gpkg's reader;
//! without `geometries`, attributes only. Throws Error(CannotOpen) when it holds no dataset.
DatasetPtr openPostgisForReading(const std::string& location, bool geometries = true);

//! Copies every table of the GeoPackage `gpkgPath` into the schema of `location`: into a new schema first,
//! renamed into place in one transaction at the end (grants of the previous schema are carried over).
//! Throws Error(Write) naming the location; on any failure the previous dataset is untouched.
//! `basedOn` (item, version), for a dataset read, changed and written back whole (`maillage add`): the
//! switch is refused with Error(Write) pg.save_stale when someone saved one of these items since.
void copyGpkgToPostgis(const std::string& gpkgPath, const std::string& location, Feedback* feedback = nullptr,
                       const std::vector<std::pair<std::string, long long>>& basedOn = {});

//! Copies every table of the schema of `location` (maillage_versions apart) into a new GeoPackage at
//! `gpkgPath`, through a temporary file renamed at the end. Throws Error naming the location or the file.
void copyPostgisToGpkg(const std::string& location, const std::string& gpkgPath,
                       Feedback* feedback = nullptr);

//! writeDataset for a PostgreSQL location: the GeoPackage written to a temporary file, then
//! copyGpkgToPostgis. Throws Error as both.
void writePostgisDataset(const model::Dataset& dataset, const std::string& location,
                         Feedback* feedback = nullptr);

//! A temporary GeoPackage path (absent until written) in $TMPDIR or /tmp, removed with this object (and on
//! SIGTERM/SIGINT). Throws Error(Write) when no name can be reserved.
class TemporaryGpkg {
public:
    TemporaryGpkg();
    ~TemporaryGpkg();
    TemporaryGpkg(const TemporaryGpkg&) = delete;
    TemporaryGpkg& operator=(const TemporaryGpkg&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_reserved, m_path;
    std::unique_ptr<TemporaryGuard> m_guard;
};

//! The version of one saved item ("parameters", "cooperations", "scenarios") and who saved it when.
struct SaveStamp {
    long long version = 0; //!< 0 when never recorded
    std::string savedBy;   //!< the database role, empty when unknown
    std::string savedAt;   //!< ISO 8601, UTC, empty when unknown
};

//! The current stamp of `item` in the dataset at `location`. Throws Error(CannotOpen).
SaveStamp postgisSaveStamp(const std::string& location, const std::string& item);

//! Replaces the parameters rows of the dataset at `location` in one transaction, when its version is still
//! `basedOn` (the stamp read with the dataset); returns the new stamp. A stale `basedOn` is refused with
//! Error(Write) naming who saved since and when; nothing is written then.
SaveStamp savePostgisParameters(const std::string& location, const model::Parameters& parameters,
                                long long basedOn);

//! Replaces the cooperations rows as savePostgisParameters does.
SaveStamp savePostgisCooperations(const std::string& location,
                                  const std::vector<model::Cooperation>& cooperations, long long basedOn);

//! Replaces the scenarios rows (table `scenarios`, created when the dataset has none) as
//! savePostgisParameters does; a dataset imported before scenarios were versioned starts at version 0.
SaveStamp savePostgisScenarios(const std::string& location, const std::vector<model::Scenario>& scenarios,
                               long long basedOn);

//! Whether the connected role may save into the dataset at `location`; when not, `why` says so.
bool postgisCanSave(const std::string& location, Message* why = nullptr);

//! The connection of `location` as QGIS stores it in a layer source or a project URI: its libpq keywords
//! (service, host, port, dbname, user, sslmode; never a password), with the host, port and database that
//! libpq took from the environment written out when no service names them, so that the project opens in
//! another analyst's QGIS. Throws Error(CannotOpen) when the server cannot be reached.
std::vector<std::pair<std::string, std::string>> postgisConnectionKeywords(const std::string& location);

//! The schemas of the database of `connection` (a libpq string, or "PG:..." without schema) that hold a
//! Maillage dataset (a `metadata` and a `communes` table), sorted. Throws Error(CannotOpen).
std::vector<std::string> postgisDatasets(const std::string& connection);

} // namespace maillage::io
