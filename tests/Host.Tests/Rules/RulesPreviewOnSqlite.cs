using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

public sealed class RulesPreviewOnSqlite(SqliteDatabase database) : RulesPreviewScenario(database), IClassFixture<SqliteDatabase>;
