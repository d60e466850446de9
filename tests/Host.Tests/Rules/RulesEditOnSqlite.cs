using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

public sealed class RulesEditOnSqlite(SqliteDatabase database) : RulesEditScenario(database), IClassFixture<SqliteDatabase>;
