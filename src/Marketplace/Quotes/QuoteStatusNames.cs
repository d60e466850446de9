using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>The snake_case names of <see cref="QuoteStatus"/> ("quote_sent"), as stored and sent.</summary>
public static class QuoteStatusNames
{
    private static readonly Dictionary<string, QuoteStatus> ByName =
        Enum.GetValues<QuoteStatus>().ToDictionary(s => SnakeCase.Of(s.ToString()), StringComparer.OrdinalIgnoreCase);

    /// <summary>All names, in the order a quote goes through them.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<QuoteStatus>().Select(s => SnakeCase.Of(s.ToString())).ToList();

    /// <summary>"quote_sent" for <see cref="QuoteStatus.QuoteSent"/>.</summary>
    public static string ToName(this QuoteStatus status) => SnakeCase.Of(status.ToString());

    /// <summary>Parses a snake_case name (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse(string? name, out QuoteStatus status)
    {
        status = default;
        return name is not null && ByName.TryGetValue(name.Trim(), out status);
    }
}
