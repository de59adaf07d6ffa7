#include <catch2/catch.hpp>

#include "net/redact.h"

using namespace igodbc::graph;

TEST_CASE("redactUrl hides secret query values and nothing else", "[graph][redact]") {
  CHECK(
      redactUrl(
          "https://graph.facebook.com/v24.0/me?fields=id%2Cname&access_token=EAAB123&appsecret_proof=ab12") ==
      "https://graph.facebook.com/v24.0/me?fields=id%2Cname&access_token=***&appsecret_proof=***");
  CHECK(
      redactUrl("https://graph.facebook.com/v24.0/oauth/access_token?client_id=1&redirect_uri=http%3A%2F%2Fx"
                "&client_secret=s3cr3t&code=AQD") ==
      "https://graph.facebook.com/v24.0/oauth/access_token?client_id=1&redirect_uri=http%3A%2F%2Fx"
      "&client_secret=***&code=***");
  CHECK(redactUrl("https://h/v1/oauth/access_token?grant_type=fb_exchange_token&fb_exchange_token=EAA") ==
        "https://h/v1/oauth/access_token?grant_type=fb_exchange_token&fb_exchange_token=***");
  CHECK(redactUrl("https://h/v1/debug_token?input_token=EAA&access_token=1%7Csecret") ==
        "https://h/v1/debug_token?input_token=***&access_token=***");
  CHECK(redactUrl("https://h/x?refresh_token=r&code_verifier=v&state=s") ==
        "https://h/x?refresh_token=***&code_verifier=***&state=s");
}

TEST_CASE("redactUrl leaves URLs without secrets byte-identical", "[graph][redact]") {
  for (const char* url : {"https://graph.facebook.com/v24.0/me", "https://h/v1/?ids=1%2C2&fields=id",
                          "http://127.0.0.1:8080/v1/me?after=QVFI%3D%3D&&x&=y&limit=", "https://h/?",
                          "https://h/path/code=1", "", "?", "&&", "a=b&c=d"})
    CHECK(redactUrl(url) == url);
}

TEST_CASE("redactUrl keys are case-sensitive and must match exactly", "[graph][redact]") {
  CHECK(redactUrl("https://h/?Access_Token=x&xaccess_token=y&access_tokens=z&codes=1") ==
        "https://h/?Access_Token=x&xaccess_token=y&access_tokens=z&codes=1");
  // A server decodes keys, so an encoded key is still the token.
  CHECK(redactUrl("https://h/?access%5Ftoken=x") == "https://h/?access%5Ftoken=***");
}

TEST_CASE("redactUrl handles form bodies, fragments and repeated keys", "[graph][redact]") {
  CHECK(redactUrl("client_id=1&client_secret=abc&grant_type=authorization_code&code=AQB") ==
        "client_id=1&client_secret=***&grant_type=authorization_code&code=***");
  CHECK(redactUrl("caption=a%20b&access_token=EAA&appsecret_proof=ff") ==
        "caption=a%20b&access_token=***&appsecret_proof=***");
  CHECK(redactUrl("image_url=https://cdn/x.jpg?a=1&access_token=EAA") ==
        "image_url=https://cdn/x.jpg?a=1&access_token=***");
  CHECK(redactUrl("http://localhost/cb#access_token=EAA&expires_in=5000") ==
        "http://localhost/cb#access_token=***&expires_in=5000");
  CHECK(redactUrl("https://h/?access_token=a&x=1#code=b") == "https://h/?access_token=***&x=1#code=***");
  CHECK(redactUrl("https://h/?access_token=a&access_token=b") ==
        "https://h/?access_token=***&access_token=***");
  CHECK(redactUrl("/v1/me?access_token=a") == "/v1/me?access_token=***");
  // An empty value reveals nothing and stays empty; a value with '=' is hidden whole.
  CHECK(redactUrl("https://h/?access_token=&code=a=b") == "https://h/?access_token=&code=***");
}

TEST_CASE("scrubSecret removes a token from arbitrary text", "[graph][redact]") {
  CHECK(scrubSecret("Invalid token EAAB: EAAB was rejected", "EAAB") ==
        "Invalid token ***: *** was rejected");
  CHECK(scrubSecret("nothing here", "EAAB") == "nothing here");
  CHECK(scrubSecret("keep", "") == "keep");
  CHECK(scrubSecret("tok a|b and a%7Cb", "a|b") == "tok *** and ***");
  CHECK(scrubSecret("xxxx", "xx") == "******");
}
