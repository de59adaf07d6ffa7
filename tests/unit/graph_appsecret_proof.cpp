#include <catch2/catch.hpp>

#include "graph/appsecret_proof.h"

using namespace igodbc::graph;

TEST_CASE("HMAC-SHA256 matches the RFC 4231 vectors", "[graph][proof]") {
  // RFC 4231 test case 2.
  CHECK(hmacSha256Hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // RFC 4231 test case 1: key = 20 x 0x0b.
  CHECK(hmacSha256Hex(std::string(20, '\x0b'), "Hi There") ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST_CASE("appsecret_proof is lower-case hex HMAC-SHA256(key = app secret, message = token)",
          "[graph][proof]") {
  // python3 -c "import hmac,hashlib;print(hmac.new(b'app-secret',b'EAAtoken',hashlib.sha256).hexdigest())"
  CHECK(appSecretProof("app-secret", "EAAtoken") ==
        "9f9f0867bc3df2d00cecd6aa6fb78e65b64c050401bd6ec5b84d98503d443d34");
}
