using Serilog.Events;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// A log line the console exists to hand out — the one-time setup link while no admin exists, the demo users'
/// passwords in demo mode — and the only kind written without <see cref="SecretRedaction"/>. Code marks one by
/// logging inside <see cref="Begin"/>'s scope; nothing a request sends can add that scope.
/// </summary>
internal static class ConsoleHandout
{
    private const string PropertyName = "ConsoleHandout";

    /// <summary>Lines logged inside the returned scope are written as they are.</summary>
    public static IDisposable? Begin(ILogger logger) => logger.BeginScope(new Dictionary<string, object> { [PropertyName] = true });

    public static bool IsMarked(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue(PropertyName, out var value) && value is ScalarValue { Value: true };
}
