using Serilog.Core;
using Serilog.Events;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// Last line of defence for logs: any property whose name says it is a credential (authorization, api key,
/// password, token, secret, signing key, cookie) is replaced by <c>***</c>, however it got into the event.
/// </summary>
internal sealed class SecretRedactionEnricher : ILogEventEnricher
{
    private static readonly string[] Sensitive = ["authorization", "apikey", "api_key", "x-api-key", "password", "token", "secret", "signingkey", "cookie"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, _) in logEvent.Properties.ToList())
        {
            var lowered = name.ToLowerInvariant();
            if (Sensitive.Any(s => lowered.Contains(s, StringComparison.Ordinal)))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue("***")));
            }
        }
    }
}
