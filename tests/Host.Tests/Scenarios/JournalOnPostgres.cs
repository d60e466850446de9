using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class JournalOnPostgres(PostgresDatabase database) : JournalScenario(database), IClassFixture<PostgresDatabase>;
