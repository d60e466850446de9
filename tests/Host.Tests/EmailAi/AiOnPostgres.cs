using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.EmailAi;

public sealed class AiOnPostgres(PostgresDatabase database) : AiScenario(database), IClassFixture<PostgresDatabase>;
