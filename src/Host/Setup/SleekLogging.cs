using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Sleek.Workflows.Host.Setup;

/// <summary>Structured logging with Serilog: readable console by default, JSON with <c>Logging__Json=true</c>.</summary>
internal static class SleekLogging
{
    public static Serilog.ILogger CreateBootstrapLogger() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .WriteTo.Console()
        .CreateBootstrapLogger();

    public static void AddSleekLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue<bool>("Logging:Json");
        builder.Services.AddSerilog((services, configuration) =>
        {
            configuration
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.With<Hardening.SecretRedactionEnricher>();
            // Formatting and writing happen on the sink's own thread, not in the request that logged; a full buffer
            // makes the logger wait rather than drop events.
            configuration.WriteTo.Async(
                sink =>
                {
                    if (json)
                    {
                        sink.Console(new CompactJsonFormatter());
                    }
                    else
                    {
                        sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
                    }
                },
                blockWhenFull: true);
        });
    }
}
