using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

public sealed class StripePaymentsOnPostgres(PostgresDatabase database) : StripePaymentsScenario(database), IClassFixture<PostgresDatabase>;
