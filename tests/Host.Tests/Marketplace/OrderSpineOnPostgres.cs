using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

public sealed class OrderSpineOnPostgres(PostgresDatabase database) : OrderSpineScenario(database), IClassFixture<PostgresDatabase>;
