using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

public sealed class OrderSpineOnSqlite(SqliteDatabase database) : OrderSpineScenario(database), IClassFixture<SqliteDatabase>;
