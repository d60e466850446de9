using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class CancelOnPostgres(PostgresDatabase database) : CancelScenario(database), IClassFixture<PostgresDatabase>;
