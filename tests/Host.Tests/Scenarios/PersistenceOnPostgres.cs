using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class PersistenceOnPostgres(PostgresDatabase database) : PersistenceScenario(database), IClassFixture<PostgresDatabase>;
