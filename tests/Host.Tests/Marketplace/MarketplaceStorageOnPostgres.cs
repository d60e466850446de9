using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Marketplace;

public sealed class MarketplaceStorageOnPostgres(PostgresDatabase database) : MarketplaceStorageTests(database), IClassFixture<PostgresDatabase>;
