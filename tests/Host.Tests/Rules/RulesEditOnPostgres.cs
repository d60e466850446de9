using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

public sealed class RulesEditOnPostgres(PostgresDatabase database) : RulesEditScenario(database), IClassFixture<PostgresDatabase>;
