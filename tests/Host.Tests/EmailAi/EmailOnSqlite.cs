using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.EmailAi;

public sealed class EmailOnSqlite(SqliteDatabase database) : EmailScenario(database), IClassFixture<SqliteDatabase>;
