using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class RetentionOnPostgres(PostgresDatabase database) : RetentionScenario(database), IClassFixture<PostgresDatabase>;
