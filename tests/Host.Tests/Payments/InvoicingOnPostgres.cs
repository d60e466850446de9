using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

public sealed class InvoicingOnPostgres(PostgresDatabase database) : InvoicingScenario(database), IClassFixture<PostgresDatabase>;
