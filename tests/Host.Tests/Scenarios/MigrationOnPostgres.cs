using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class MigrationOnPostgres(PostgresDatabase database) : MigrationScenario(database), IClassFixture<PostgresDatabase>;
