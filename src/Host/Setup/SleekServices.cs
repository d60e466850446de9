using System.Text.Json.Serialization;
using Sleek.Workflows.Activities;
using Sleek.Workflows.Marketplace;
using Sleek.Workflows.Marketplace.Rules;
using Sleek.Workflows.Marketplace.Payments;
using Sleek.Workflows.Engine;
using Sleek.Workflows.Host.Endpoints;
using Sleek.Workflows.Host.FirstRun;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Setup;

/// <summary>Service registrations of the host, each with the reason it is there.</summary>
internal static class SleekServices
{
    public static void AddSleekServices(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Sleek").Get<SleekSettings>() ?? new SleekSettings();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<Endpoints.Hooks.HookAnswers>();

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
                // Sleek:Retention:Days (and BatchSize, Interval) bind straight onto the engine's options.
                builder.Configuration.GetSection("Sleek:Retention").Bind(engine.Retention);
                if (engine.Retention.Days < 0)
                {
                    throw new InvalidOperationException($"Sleek:Retention:Days is {engine.Retention.Days}; set 0 to keep finished instances forever, or a number of days");
                }
                engine.Runtime.Lease = TimeSpan.FromSeconds(Math.Clamp(settings.LeaseSeconds, 3, 24 * 3600));
                // Where HttpRequest may call (Http:AllowedHosts, AllowedNetworks) and how much it reads (MaxResponseBytes).
                HttpSettings.Bind(builder.Configuration.GetSection("Http"), engine.Http);
            },
            registry => registry.AddSleekActivities());

        // Marketplace storage on the engine's database (activities and APIs share it), the email outbox and
        // its dispatcher, AI text; options from Marketplace:*, Smtp:*, Email:*, Ai:*, Sleek:DataDirectory/TemplatesDirectory.
        builder.Services.AddMarketplace(builder.Configuration);
        // Rule sets versioned in that database (rules/*.json imported at start-up), supplier ranking and previews.
        builder.Services.AddSleekRules();
        // Supplier onboarding: starts workflows/supplier-onboarding and raises its events for the suppliers API.
        builder.Services.AddSingleton<Endpoints.Suppliers.SupplierOnboarding>();
        // Stripe (Stripe:SecretKey, WebhookSecret, ApiBase) and analytics; no secret key means ops confirm payments manually.
        builder.Services.AddSleekPayments(builder.Configuration.GetSection(StripeOptions.SectionName).Get<StripeOptions>() ?? new StripeOptions());

        // Migrations and the workflows/ import run before the workers start taking work.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, EngineInitializer>());
        // Before it: what needs no database (endpoints, EF models) is built on other threads meanwhile.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupWarmup>());

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.MaxDepth = 64;
        });
        // Bad bodies and parameters throw, so ProblemExceptionHandler can name the field instead of a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // The endpoints' query and action classes, and the OpenAPI document (Endpoints/).
        builder.Services.AddSleekEndpoints();
        builder.Services.AddHealthChecks();
        // Traces and metrics: /metrics always, OTLP when OTEL_EXPORTER_OTLP_ENDPOINT or Otel:Endpoint is set.
        builder.AddSleekTelemetry();
        // Idempotency-Key on start/resume/event endpoints: documents the header in OpenAPI (the filter is per endpoint).
        builder.Services.AddSleekIdempotency();
        // Who may call what, how often, and the record of it (Auth/, RateLimits/, Audit/, Hardening/).
        builder.AddSleekSecurity(settings);
        // The first minute: a one-time setup link while no admin exists, and the demo when asked (FirstRun/, Demo/).
        builder.AddSleekFirstRun(settings);
    }
}
