using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

public sealed class QuoteApiOnPostgres(PostgresDatabase database) : QuoteApiScenario(database), IClassFixture<PostgresDatabase>;
