using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// OpenTelemetry: the engine's spans and metrics (<see cref="EngineTelemetry"/>) with ASP.NET Core,
/// HttpClient, Npgsql and .NET runtime instrumentation. Metrics are always scrapeable at
/// <c>/metrics</c> (Prometheus text format); traces and metrics go to an OTLP collector only when one is
/// configured, because spans nobody exports would only cost time.
/// </summary>
internal static class SleekTelemetry
{
    /// <summary>Where Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    public static void AddSleekTelemetry(this WebApplicationBuilder builder)
    {
        // The standard variable (the exporter also reads OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS, … itself),
        // or Otel:Endpoint (Otel__Endpoint) for a gRPC collector named in our own configuration.
        var standardEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var ownEndpoint = builder.Configuration["Otel:Endpoint"];
        var endpoint = !string.IsNullOrWhiteSpace(standardEndpoint) ? standardEndpoint : ownEndpoint;
        var exportOtlp = !string.IsNullOrWhiteSpace(endpoint);
        if (exportOtlp && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"the OTLP endpoint '{endpoint}' (OTEL_EXPORTER_OTLP_ENDPOINT or Otel:Endpoint) is not an absolute URI such as http://collector:4317");
        }

        // With the standard variable the exporter configures itself (and appends /v1/traces, /v1/metrics for http/protobuf).
        void Otlp(OpenTelemetry.Exporter.OtlpExporterOptions options)
        {
            if (string.IsNullOrWhiteSpace(standardEndpoint))
            {
                options.Endpoint = new Uri(ownEndpoint!);
            }
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "sleek-workflows", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(EngineTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddPrometheusExporter();
                if (exportOtlp)
                {
                    metrics.AddOtlpExporter(Otlp);
                }
            });
        if (exportOtlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(EngineTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => context.Request.Path != MetricsPath)
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(Otlp));
        }
    }

    /// <summary>Scraping needs ops/admin or an API key with metrics:read (Prometheus: <c>authorization: {type: ApiKey}</c>).</summary>
    public static void MapSleekTelemetry(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Auth.SleekPolicies.Metrics);
}
