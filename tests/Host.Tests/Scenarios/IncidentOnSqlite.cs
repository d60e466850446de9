using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class IncidentOnSqlite(SqliteDatabase database) : IncidentScenario(database), IClassFixture<SqliteDatabase>;
