using System.Text.Json.Serialization;
using Sleek.Workflows.Activities;
using Sleek.Workflows.Engine;

namespace Sleek.Workflows.Host.Setup;

/// <summary>Service registrations of the host, each with the reason it is there.</summary>
internal static class SleekServices
{
    public static void AddSleekServices(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Sleek").Get<SleekSettings>() ?? new SleekSettings();
        builder.Services.AddSingleton(settings);

        // Listen on the documented port unless --urls / ASPNETCORE_URLS says otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        builder.Services.AddSleekEngine(
            engine =>
            {
                engine.Database.PostgresConnectionString = builder.Configuration.GetConnectionString("Sleek");
                engine.Database.SqlitePath = Path.Combine(settings.DataDirectory, "sleek.db");
                engine.Runtime.Workers = Math.Clamp(settings.Workers, 1, 64);
            },
            registry => registry.AddSleekActivities());

        // Migrations and the workflows/ import run before the workers start taking work.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, EngineInitializer>());

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.MaxDepth = 64;
        });
        // Bad bodies and parameters throw, so ProblemExceptionHandler can name the field instead of a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sleek Workflows API";
            document.Info.Description = "Durable workflow engine and order orchestration. Errors are RFC 7807 problem details naming the field.";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks();
    }
}
