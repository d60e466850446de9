using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;

namespace Sleek.Workflows.TestSupport.Databases;

/// <summary>
/// The PostgreSQL server the tests create their databases on: the one <c>SLEEK_TEST_POSTGRES</c>
/// names (./test.sh starts a throwaway one and sets it), else a Testcontainers server when Docker is
/// available, else a failure that says what to do. Never an in-memory fake, never a silent skip.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "SLEEK_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Admin = new(ResolveAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of a user that may CREATE and DROP DATABASE.</summary>
    public static Task<string> AdminConnectionStringAsync() => Admin.Value;

    private static async Task<string> ResolveAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        // Probe first (docs/dependencies.md §7): building a container without Docker throws only after a detour.
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            throw new InvalidOperationException(
                $"These tests need a real PostgreSQL. Run ./test.sh (it starts a throwaway server), or set {Variable} " +
                "to an Npgsql connection string of a server where the tests may CREATE/DROP DATABASE " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres), or make Docker available for Testcontainers.");
        }

        var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
        await container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return container.GetConnectionString();
    }
}
