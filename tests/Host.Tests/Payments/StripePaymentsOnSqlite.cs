using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Payments;

public sealed class StripePaymentsOnSqlite(SqliteDatabase database) : StripePaymentsScenario(database), IClassFixture<SqliteDatabase>;
