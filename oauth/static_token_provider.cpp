// InitiateOAuth=OFF: use the token as given.
#include "oauth/token_provider.h"

namespace igodbc::oauth {

namespace {
class StaticTokenProvider final : public TokenProvider {
 public:
  StaticTokenProvider(std::string token, std::string secret)
      : token_(std::move(token)), secret_(std::move(secret)) {}

  std::string accessToken() override {
    if (token_.empty())
      throw AuthError(
          "No access token: set OAuthAccessToken in the DSN or connection string (InitiateOAuth=OFF uses it "
          "as "
          "given)");
    return token_;
  }
  bool refreshAfterRejection(const std::string&) override { return false; }
  std::string appSecret() const override { return secret_; }

 private:
  std::string token_;
  std::string secret_;
};
}  // namespace

std::shared_ptr<TokenProvider> makeStaticTokenProvider(std::string accessToken, std::string appSecret) {
  return std::make_shared<StaticTokenProvider>(std::move(accessToken), std::move(appSecret));
}

}  // namespace igodbc::oauth
