using Sleek.Workflows.Host.Tests.Infrastructure;

namespace Sleek.Workflows.Host.Tests.Rules;

public sealed class RulesPreviewOnPostgres(PostgresDatabase database) : RulesPreviewScenario(database), IClassFixture<PostgresDatabase>;
