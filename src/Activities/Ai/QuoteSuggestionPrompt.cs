using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Activities.Ai;

/// <summary>
/// The words sent to the model for a quote, and the reading of its answer. The model is asked for JSON
/// (<c>{"suggestions": [...], "summary": "..."}</c>); an answer in prose is still used (bullet lines become
/// suggestions, the text the summary) rather than thrown away.
/// </summary>
internal static class QuoteSuggestionPrompt
{
    public const string Instructions =
        "You advise buyers on a B2B apparel-manufacturing marketplace. Given a quote request, give 3 to 5 short, " +
        "practical suggestions (fabric and trims, construction, sampling, ways to save cost or time, what to confirm " +
        "with the factory) and a friendly summary of two or three sentences addressed to the buyer. Do not change, " +
        "negotiate or promise prices or dates: they are computed separately. Answer with JSON only, exactly: " +
        "{\"suggestions\": [\"...\"], \"summary\": \"...\"}";

    public static string For(Quote quote)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Product: {quote.ProductType.Replace('_', ' ')}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Quantity: {quote.Quantity} units");
        text.AppendLine(CultureInfo.InvariantCulture, $"Complexity: {quote.Complexity.ToString().ToLowerInvariant()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Fabric: {(string.IsNullOrWhiteSpace(quote.Fabric) ? "not specified" : quote.Fabric)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Requirements: {(string.IsNullOrWhiteSpace(quote.Requirements) ? "none given" : quote.Requirements)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Price: {quote.UnitPrice:0.00##} USD per unit, {quote.Total:0.00} USD in total");
        text.AppendLine(CultureInfo.InvariantCulture, $"Lead time: {quote.LeadTimeDays} days (sampling, production and buffer)");
        return text.ToString();
    }

    /// <summary>The suggestions and summary in an answer.</summary>
    public static (List<string> Suggestions, string Summary) Read(string answer)
    {
        var trimmed = answer.Trim();
        var start = trimmed.IndexOf('{', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf('}');
        if (start >= 0 && end > start)
        {
            try
            {
                if (JsonNode.Parse(trimmed[start..(end + 1)]) is JsonObject json && json["summary"] is JsonValue summary
                    && summary.TryGetValue<string>(out var summaryText))
                {
                    var suggestions = (json["suggestions"] as JsonArray ?? [])
                        .Select(s => s is JsonValue v && v.TryGetValue<string>(out var t) ? t.Trim() : null)
                        .OfType<string>()
                        .Where(s => s.Length > 0)
                        .ToList();
                    return (suggestions, summaryText.Trim());
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: read it as prose below.
            }
        }

        var bullets = trimmed.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 2 && (l[0] is '-' or '*' or '•' || (char.IsAsciiDigit(l[0]) && l[1] is '.' or ')')))
            .Select(l => l.TrimStart('-', '*', '•', ' ', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9').Trim())
            .Where(l => l.Length > 0)
            .ToList();
        return (bullets, trimmed);
    }
}
