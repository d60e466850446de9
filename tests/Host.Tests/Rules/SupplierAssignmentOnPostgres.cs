using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

public sealed class SupplierAssignmentOnPostgres(PostgresDatabase database) : SupplierAssignmentScenario(database), IClassFixture<PostgresDatabase>;
