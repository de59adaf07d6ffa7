#include "sql/fetch/comment_walk.h"

#include "sql/engine/error_mapping.h"
#include "sql/vtab/row_mapper.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

std::string textAt(const rapidjson::Value& object, std::string_view path) {
  Value v = jsonToValue(findPath(object, path), schema::SqlType::Varchar, false);
  return v.type == Value::Type::Text ? v.s : std::string();
}

constexpr int64_t kNewestServed = 10000;  // Instagram serves only the 10,000 newest media

class MediaWalkHolders : public HolderSource {
 public:
  MediaWalkHolders(FetchContext& ctx, const CommentShape& shape, std::vector<std::string> accounts)
      : ctx_(ctx), accounts_(std::move(accounts)), fields_("id," + shape.commentsExpansion()) {}

  bool next(CommentHolder& holder) override {
    for (;;) {
      if (!walk_) {
        if (nextAccount_ >= accounts_.size()) return false;
        account_ = accounts_[nextAccount_++];
        // A LIMIT counts comments, not media, so it does not size these pages.
        walk_ = std::make_unique<PagedWalk>(
            ctx_.graph(), account_ + "/media",
            graph::Params{{"fields", fields_},
                          {"limit", std::to_string(ctx_.pageSize(kMediaWalkWithComments))}});
        // The same reason: read ahead only when there is no LIMIT that the first pages might meet.
        if (!ctx_.constraints.limitHint()) walk_->readAhead(std::nullopt);
      }
      const rapidjson::Value* media = walk_->next();
      if (!media) {
        walk_.reset();
        continue;
      }
      if (walk_->items() == kNewestServed)
        ctx_.warn("Account " + account_ +
                  " has 10,000 media or more; Instagram serves only the 10,000 newest through /media, so "
                  "comments on older media are missing");
      holder = {media, false, textAt(*media, "id"), account_, walk_->seq()};
      if (holder.mediaId.empty()) continue;
      return true;
    }
  }

 private:
  FetchContext& ctx_;
  std::vector<std::string> accounts_;
  std::string fields_;
  size_t nextAccount_ = 0;
  std::string account_;
  std::unique_ptr<PagedWalk> walk_;
};

class MediaLookupHolders : public HolderSource {
 public:
  MediaLookupHolders(FetchContext& ctx, const CommentShape& shape, std::vector<std::string> ids)
      : scope_(accountScope(ctx)),
        lookup_(ctx, std::move(ids), "id,owner," + shape.commentsExpansion(), &ctx.state.listedMedia) {}

  bool next(CommentHolder& holder) override {
    std::string id;
    while (const rapidjson::Value* media = lookup_.next(id)) {
      std::string owner = textAt(*media, "owner.id");
      if (owner.empty() || !inScope(scope_, owner)) continue;  // not one of our accounts' media
      holder = {media, false, id, owner, lookup_.seq()};
      return true;
    }
    return false;
  }

 private:
  std::vector<std::string> scope_;
  IdLookup lookup_;
};

class ParentLookupHolders : public HolderSource {
 public:
  ParentLookupHolders(FetchContext& ctx, const CommentShape& shape, std::vector<std::string> ids)
      : scope_(accountScope(ctx)),
        lookup_(ctx, std::move(ids),
                std::string("id,") + kCommentMediaWithOwner + "," + shape.repliesExpansion(),
                &ctx.state.listedComments, &ctx.state.listedReplies) {}

  bool next(CommentHolder& holder) override {
    std::string id;
    while (const rapidjson::Value* comment = lookup_.next(id)) {
      std::string media = textAt(*comment, "media.id");
      std::string owner = textAt(*comment, "media.owner.id");
      if (media.empty() || owner.empty() || !inScope(scope_, owner)) continue;  // P1
      holder = {comment, true, media, owner, lookup_.seq()};
      return true;
    }
    return false;
  }

 private:
  std::vector<std::string> scope_;
  IdLookup lookup_;
};

}  // namespace

// ---- shape ------------------------------------------------------------------------------------------------

std::string CommentShape::repliesExpansion() const {
  return "replies.limit(" + std::to_string(replyLimit) + "){" + replyFields.str() + "}";
}

std::string CommentShape::commentSelection() const {
  std::string s = commentFields.str();
  if (!replyFields.empty()) s += "," + repliesExpansion();
  return s;
}

std::string CommentShape::commentsExpansion() const {
  return "comments.limit(" + std::to_string(commentLimit) + "){" + commentSelection() + "}";
}

// ---- one edge: the nested page, then direct edge calls ----------------------------------------------------

class CommentStream::EdgeItems {
 public:
  // `edge` is the nested {"data", "paging"} object (nullptr when the holder has none: no items).
  EdgeItems(FetchContext& ctx, const rapidjson::Value* edge, int seq, std::string parent, const char* name,
            std::string fields, int requested)
      : ctx_(ctx), seq_(seq), parent_(std::move(parent)), name_(name), fields_(std::move(fields)) {
    if (!edge) return;
    data_ = dataArray(*edge);
    const bool hasNext = findPath(*edge, "paging.next") != nullptr;
    std::string after = textAt(*edge, "paging.cursors.after");
    const bool full = data_ && data_->Size() >= static_cast<rapidjson::SizeType>(requested);
    if (hasNext && after.empty())
      throw graph::GraphError(
          "The Graph API sent a further page of " + std::string(name) + " on " + parent_ +
              " without a cursor to continue from; the statement stops rather than return "
              "part of them. Run it again",
          200, 0, 0, "", "", "", false);
    if (hasNext || (full && !after.empty())) after_ = std::move(after);
  }

  const rapidjson::Value* next() {
    if (data_ && index_ < data_->Size()) return &(*data_)[index_++];
    if (after_.empty()) return nullptr;
    if (!walk_) {
      walk_ = std::make_unique<PagedWalk>(
          ctx_.graph(), parent_ + "/" + name_,
          graph::Params{{"fields", fields_},
                        {"limit", std::to_string(ctx_.pageSize(kCommentsEdgeMax))},
                        {"after", after_}});
    }
    const rapidjson::Value* item = walk_->next();
    if (item) seq_ = walk_->seq();
    return item;
  }

  int seq() const { return seq_; }
  // The page the last item came from: 0 for the nested page, then the continuation pages 1, 2, …
  int pageNumber() const { return walk_ ? walk_->pageNumber() : 0; }
  const rapidjson::Value* pageItems() const { return walk_ ? walk_->pageItems() : data_; }

 private:
  FetchContext& ctx_;
  int seq_;
  std::string parent_;
  const char* name_;
  std::string fields_;
  const rapidjson::Value* data_ = nullptr;
  rapidjson::SizeType index_ = 0;
  std::string after_;
  std::unique_ptr<PagedWalk> walk_;
};

// ---- the stream -------------------------------------------------------------------------------------------

CommentStream::CommentStream(FetchContext& ctx, CommentShape shape, std::unique_ptr<HolderSource> holders)
    : ctx_(ctx), shape_(std::move(shape)), holders_(std::move(holders)) {}

CommentStream::~CommentStream() {
  ctx_.state.listedComments.release(this);
  ctx_.state.listedReplies.release(this);
}

// Publishes the IDs of a newly read page of `edge`, so that a join feeding them one at a time into a replies
// lookup (Comments → Replies ON CommentId) reads them in ids= slices.
void CommentStream::list(ListedIds& listed, const EdgeItems& edge, int& listedPage) {
  // An inner scan of the same join may have listed its own page since: list ours again.
  if (edge.pageNumber() == listedPage && listed.listedBy(this)) return;
  listedPage = edge.pageNumber();
  std::vector<std::string> ids;
  if (const rapidjson::Value* items = edge.pageItems(); items && items->IsArray())
    for (const rapidjson::Value& item : items->GetArray()) {
      std::string id = item.IsObject() ? textAt(item, "id") : std::string();
      if (!id.empty()) ids.push_back(std::move(id));
    }
  listed.setPage(this, std::move(ids));
}

bool CommentStream::next(CommentItem& item) {
  for (;;) {
    if (replies_) {
      if (const rapidjson::Value* reply = replies_->next()) {
        list(ctx_.state.listedReplies, *replies_, listedReplyPage_);
        if (!reply->IsObject()) continue;
        item = {reply, holder_.mediaId, topId_, holder_.accountId, replies_->seq()};
        return true;
      }
      replies_.reset();
    }
    if (comments_) {
      const rapidjson::Value* comment = comments_->next();
      if (!comment) {
        comments_.reset();
        continue;
      }
      list(ctx_.state.listedComments, *comments_, listedCommentPage_);
      if (!comment->IsObject()) continue;
      topId_ = textAt(*comment, "id");
      if (!shape_.replyFields.empty() && !topId_.empty())
        replies_ = std::make_unique<EdgeItems>(ctx_, findPath(*comment, "replies"), comments_->seq(), topId_,
                                               "replies", shape_.replyFields.str(), shape_.replyLimit);
      listedReplyPage_ = -1;
      if (shape_.emitTop) {
        item = {comment, holder_.mediaId, "", holder_.accountId, comments_->seq()};
        return true;
      }
      continue;
    }
    if (!holders_->next(holder_)) return false;
    if (holder_.isComment) {
      topId_ = textAt(*holder_.object, "id");
      if (!topId_.empty())
        replies_ =
            std::make_unique<EdgeItems>(ctx_, findPath(*holder_.object, "replies"), holder_.seq, topId_,
                                        "replies", shape_.replyFields.str(), shape_.replyLimit);
      listedReplyPage_ = -1;
    } else {
      comments_ = std::make_unique<EdgeItems>(ctx_, findPath(*holder_.object, "comments"), holder_.seq,
                                              holder_.mediaId, "comments", shape_.commentSelection(),
                                              shape_.commentLimit);
      listedCommentPage_ = -1;
    }
  }
}

// ---- lookups by comment ID ------------------------------------------------------------------------------

namespace {
std::string lookupFields(FieldList fields) {
  fields.add("parent_id");
  fields.add(kCommentMediaWithOwner);
  return fields.str();
}
}  // namespace

CommentLookup::CommentLookup(FetchContext& ctx, std::vector<std::string> ids, FieldList fields)
    : scope_(accountScope(ctx)),
      lookup_(ctx, std::move(ids), lookupFields(std::move(fields)), &ctx.state.listedComments,
              &ctx.state.listedReplies) {}

bool CommentLookup::next(CommentItem& item) {
  std::string id;
  while (const rapidjson::Value* comment = lookup_.next(id)) {
    std::string media = textAt(*comment, "media.id");
    std::string owner = textAt(*comment, "media.owner.id");
    // A comment on media outside the scope (Graph shows `owner` only to the media's owner).
    if (media.empty() || owner.empty() || !inScope(scope_, owner)) continue;
    item = {comment, media, textAt(*comment, "parent_id"), owner, lookup_.seq()};
    return true;
  }
  return false;
}

// ---- holders ----------------------------------------------------------------------------------------------

std::unique_ptr<HolderSource> mediaWalkHolders(FetchContext& ctx, const CommentShape& shape,
                                               std::vector<std::string> accounts) {
  return std::make_unique<MediaWalkHolders>(ctx, shape, std::move(accounts));
}

std::unique_ptr<HolderSource> mediaLookupHolders(FetchContext& ctx, const CommentShape& shape,
                                                 std::vector<std::string> ids) {
  return std::make_unique<MediaLookupHolders>(ctx, shape, std::move(ids));
}

std::unique_ptr<HolderSource> parentLookupHolders(FetchContext& ctx, const CommentShape& shape,
                                                  std::vector<std::string> ids) {
  return std::make_unique<ParentLookupHolders>(ctx, shape, std::move(ids));
}

void fillUserId(const schema::Table& table, const rapidjson::Value& comment, Row& row) {
  int col = schema::columnIndex(table, "UserId");
  if (col < 0 || static_cast<size_t>(col) >= row.size() || !row[static_cast<size_t>(col)].isNull()) return;
  const rapidjson::Value* user = findPath(comment, "user");
  if (user && (user->IsString() || user->IsNumber()))
    row[static_cast<size_t>(col)] = jsonToValue(user, schema::SqlType::Varchar, false);
}

}  // namespace igodbc::sql
