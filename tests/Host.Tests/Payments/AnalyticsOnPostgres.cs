using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

public sealed class AnalyticsOnPostgres(PostgresDatabase database) : AnalyticsScenario(database), IClassFixture<PostgresDatabase>;
