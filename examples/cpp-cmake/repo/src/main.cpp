#include <iostream>
#include <iterator>
#include <string>

#include "checksum.hpp"

int main() {
  std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::cout << checksum::sha256_hex(input) << '\n';
  return 0;
}
