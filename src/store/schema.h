// The store's schema and its migrations, private to the store (docs/store.md
// describes every table).
#pragma once

#include <string>
#include <vector>

namespace dyad::store_schema {

// 'dyad' in ASCII: PRAGMA application_id marks a file as a dyad store.
inline constexpr int kApplicationId = 0x64796164;

// kMigrations[v] takes a store from schema version v to v + 1; the last one
// ends at kStoreSchemaVersion. A migration is one transaction with the
// user_version update, so a crash leaves the old version or the new one.
const std::vector<std::string>& Migrations();

}  // namespace dyad::store_schema
