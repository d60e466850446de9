using Serilog.Core;
using Serilog.Events;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// Redacts each event's properties, for every sink (the text sink redacts the whole line again, exceptions included):
/// a property whose name says it is a credential (authorization, api key, password, token, secret, signing key,
/// cookie) becomes <c>***</c> whatever its value, and every other text value goes through
/// <see cref="SecretRedaction"/> (a request path in a logging scope, a value that happens to hold a token).
/// </summary>
internal sealed class SecretRedactionEnricher : ILogEventEnricher
{
    private static readonly string[] Sensitive = ["authorization", "apikey", "api_key", "x-api-key", "password", "token", "secret", "signingkey", "cookie"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (ConsoleHandout.IsMarked(logEvent))
        {
            return;
        }

        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var lowered = name.ToLowerInvariant();
            if (Sensitive.Any(s => lowered.Contains(s, StringComparison.Ordinal)))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(SecretRedaction.Mask)));
            }
            else if (Redact(value) is { } redacted && !ReferenceEquals(redacted, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, redacted));
            }
        }
    }

    /// <summary>The value with its texts redacted; the same instance when nothing changed.</summary>
    private static LogEventPropertyValue Redact(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var redacted = SecretRedaction.Redact(text);
                return ReferenceEquals(redacted, text) || redacted == text ? value : new ScalarValue(redacted);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Redact).ToList();
                return elements.Where((e, i) => !ReferenceEquals(e, sequence.Elements[i])).Any() ? new SequenceValue(elements) : value;
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))).ToList();
                return properties.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any() ? new StructureValue(properties, structure.TypeTag) : value;
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Redact(e.Value))).ToList();
                return entries.Where(e => !ReferenceEquals(e.Value, dictionary.Elements[e.Key])).Any() ? new DictionaryValue(entries) : value;
            default:
                return value;
        }
    }
}
