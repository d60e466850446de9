using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class ExactlyOnceOnPostgres(PostgresDatabase database) : ExactlyOnceScenario(database), IClassFixture<PostgresDatabase>;
