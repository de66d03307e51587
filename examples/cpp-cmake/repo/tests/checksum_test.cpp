#include <gtest/gtest.h>

#include "checksum.hpp"

TEST(Checksum, Crc32OfKnownString) { EXPECT_EQ(checksum::crc32("123456789"), 0xCBF43926u); }

TEST(Checksum, Sha256OfEmptyString) {
  EXPECT_EQ(checksum::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
