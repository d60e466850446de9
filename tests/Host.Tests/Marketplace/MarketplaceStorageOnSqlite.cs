using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

public sealed class MarketplaceStorageOnSqlite(SqliteDatabase database) : MarketplaceStorageTests(database), IClassFixture<SqliteDatabase>;
