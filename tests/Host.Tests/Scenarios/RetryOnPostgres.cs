using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class RetryOnPostgres(PostgresDatabase database) : RetryScenario(database), IClassFixture<PostgresDatabase>;
