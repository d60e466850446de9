using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class RestartOnPostgres(PostgresDatabase database) : RestartScenario(database), IClassFixture<PostgresDatabase>;
