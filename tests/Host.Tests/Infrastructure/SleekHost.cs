using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The real host (<see cref="Program"/>) in memory, on a test database and a test workflows folder.
/// It runs as Production, like a deployment, so tests see what clients would see. <c>settings</c>
/// adds configuration keys (e.g. <c>Sleek:Retention:Days</c>) as the environment would.
/// </summary>
public sealed class SleekHost(TestDatabase database, WorkflowsFolder workflows, TimeProvider? clock = null, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private static readonly Lock StartLock = new();

    // CreateClient calls ConfigureClient synchronously on the same thread.
    [ThreadStatic]
    private static bool _anonymous;

    /// <summary>
    /// Starts hosts one at a time: Program installs a static Serilog bootstrap logger that the host
    /// freezes while it starts, so two hosts starting at once in one process would both try to freeze
    /// the same logger ("The logger is already frozen"). A deployment runs one host per process.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (StartLock)
        {
            return base.CreateHost(builder);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Sleek", database.ConnectionString);
        builder.UseSetting("Sleek:DataDirectory", database.DataDirectory);
        builder.UseSetting("Sleek:WorkflowsDirectory", workflows.Path);
        builder.UseSetting("Sleek:Workers", "2");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in TestAuth.Settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<IStartupFilter, TestClientIp>();
            if (clock is not null)
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton(clock);
            }

            services?.Invoke(s);
        });
    }

    /// <summary>Every client <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> makes is signed in as the database's admin (see <see cref="TestAuth"/>).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_anonymous)
        {
            return;
        }

        var token = TestAuth.AdminTokenAsync(database.DataDirectory, () => Server.CreateClient()).GetAwaiter().GetResult();
        client.As(token);
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        _anonymous = true;
        try
        {
            return CreateClient();
        }
        finally
        {
            _anonymous = false;
        }
    }
}
