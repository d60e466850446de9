using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.EmailAi;

public sealed class EmailOnPostgres(PostgresDatabase database) : EmailScenario(database), IClassFixture<PostgresDatabase>;
