using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.EmailAi;

public sealed class AiOnSqlite(SqliteDatabase database) : AiScenario(database), IClassFixture<SqliteDatabase>;
