using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

public sealed class SupplierAssignmentOnSqlite(SqliteDatabase database) : SupplierAssignmentScenario(database), IClassFixture<SqliteDatabase>;
