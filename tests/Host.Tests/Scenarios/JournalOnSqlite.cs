using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class JournalOnSqlite(SqliteDatabase database) : JournalScenario(database), IClassFixture<SqliteDatabase>;
