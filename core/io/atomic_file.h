#pragma once
// Nothing half-written: outputs go to a temporary file in the target's folder, then replace the target
// in one rename. A crash or an error leaves the previous file (or no file) behind, never a partial one.
#include <string>

namespace maillage::io {

//! A temporary path next to `target` (same folder, so rename() is atomic), unique per call.
std::string temporaryPathFor(const std::string& target);

//! Renames `temporary` over `target`; throws Error(Write) naming `target` (and removes `temporary`) on
//! failure.
void commitTemporary(const std::string& temporary, const std::string& target);

//! Writes `content` to `target` atomically. Throws Error(Write) naming the path and the system's reason.
void writeFileAtomically(const std::string& target, const std::string& content);

} // namespace maillage::io
