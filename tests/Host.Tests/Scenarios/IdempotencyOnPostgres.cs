using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class IdempotencyOnPostgres(PostgresDatabase database) : IdempotencyScenario(database), IClassFixture<PostgresDatabase>;
