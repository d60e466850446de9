using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

public sealed class InvoicingOnSqlite(SqliteDatabase database) : InvoicingScenario(database), IClassFixture<SqliteDatabase>;
