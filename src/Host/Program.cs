using System.Reflection;
using Serilog;
using Sleek.Workflows.Host.Demo;
using Sleek.Workflows.Host.Endpoints;
using Sleek.Workflows.Host.Setup;

Log.Logger = SleekLogging.CreateBootstrapLogger();
try
{
    // Configuration is read once at start-up (environment variables, appsettings). Reloading it on change would keep a
    // watcher on the whole content root, the working directory, and wake it on every write below it: ./data, where
    // SQLite and the email outbox write all the time, and logs redirected there.
    // --demo is a bare switch (Demo/DemoMode.cs turns it into Sleek:Demo=true).
    var builder = WebApplication.CreateBuilder([.. DemoMode.Arguments(args), "--hostBuilder:reloadConfigOnChange=false"]);
    builder.AddSleekLogging();
    builder.AddSleekServices();

    var app = builder.Build();
    app.UseSleekPipeline();
    app.MapSleekEndpoints();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Sleek Workflows host stopped: {Message}", ex.Message);
    if (Assembly.GetEntryAssembly() != typeof(Program).Assembly)
    {
        // Hosted in-process (WebApplicationFactory, tools): rethrow so the caller sees why start-up
        // failed instead of a disposed host, and leave that process's exit code alone.
        throw;
    }

    Environment.ExitCode = 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
