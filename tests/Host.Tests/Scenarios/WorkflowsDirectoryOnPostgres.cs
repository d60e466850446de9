using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Scenarios;

public sealed class WorkflowsDirectoryOnPostgres(PostgresDatabase database) : WorkflowsDirectoryScenario(database), IClassFixture<PostgresDatabase>;
