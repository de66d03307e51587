#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace checksum {

// CRC-32 of the bytes, as zlib computes it.
std::uint32_t crc32(std::string_view data);

// Lower-case hexadecimal SHA-256 of the bytes, as OpenSSL computes it.
std::string sha256_hex(std::string_view data);

}  // namespace checksum
