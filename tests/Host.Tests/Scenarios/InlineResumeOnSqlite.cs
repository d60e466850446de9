using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class InlineResumeOnSqlite(SqliteDatabase database) : InlineResumeScenario(database), IClassFixture<SqliteDatabase>;
