using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class TasksOnPostgres(PostgresDatabase database) : TasksScenario(database), IClassFixture<PostgresDatabase>;
