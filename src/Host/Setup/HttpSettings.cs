using System.Globalization;
using Sleek.Workflows.Engine.Outbound;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// The <c>Http</c> section onto the engine's <see cref="OutboundHttpOptions"/>: <c>Http__AllowedHosts</c> and
/// <c>Http__AllowedNetworks</c> as a comma-separated list (or <c>__0</c>, <c>__1</c>, …), <c>Http__MaxResponseBytes</c>,
/// <c>Http__ConnectTimeoutSeconds</c>. A malformed value stops start-up naming the key.
/// </summary>
internal static class HttpSettings
{
    public static void Bind(IConfigurationSection section, OutboundHttpOptions options)
    {
        options.AllowedHosts = List(section.GetSection("AllowedHosts"));
        options.AllowedNetworks = List(section.GetSection("AllowedNetworks"));
        if (section["MaxResponseBytes"] is { } max)
        {
            options.MaxResponseBytes = long.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                ? bytes
                : throw new InvalidOperationException($"Http:MaxResponseBytes is '{max}'; give the largest answer to read, in bytes");
        }

        if (section["ConnectTimeoutSeconds"] is { } connect)
        {
            options.ConnectTimeout = double.TryParse(connect, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 300
                ? TimeSpan.FromSeconds(seconds)
                : throw new InvalidOperationException($"Http:ConnectTimeoutSeconds is '{connect}'; give seconds, more than 0 and at most 300");
        }
    }

    private static List<string> List(IConfigurationSection section) =>
        [.. (section.Value ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(section.GetChildren().Select(c => c.Value).OfType<string>())];
}
