using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

public sealed class QuoteApiOnSqlite(SqliteDatabase database) : QuoteApiScenario(database), IClassFixture<SqliteDatabase>;
