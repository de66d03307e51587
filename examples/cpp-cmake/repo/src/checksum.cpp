#include "checksum.hpp"

#include <openssl/evp.h>
#include <zlib.h>

#include <array>
#include <format>

namespace checksum {

std::uint32_t crc32(std::string_view data) {
  return static_cast<std::uint32_t>(::crc32(0L, reinterpret_cast<const Bytef*>(data.data()),
                                            static_cast<uInt>(data.size())));
}

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr);
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += std::format("{:02x}", digest[i]);
  }
  return out;
}

}  // namespace checksum
