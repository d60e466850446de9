using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class IncidentOnPostgres(PostgresDatabase database) : IncidentScenario(database), IClassFixture<PostgresDatabase>;
