using System.Text.Json.Nodes;
using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Host.Endpoints.Quotes;

/// <summary>What the buyer requires of the supplier, on a quote and its order.</summary>
/// <param name="NeededBy">yyyy-MM-dd the goods are needed by (the order's target delivery date), or null.</param>
/// <param name="RequiredCertifications">Certification keys every supplier must hold, e.g. gots.</param>
/// <param name="AllowedCountries">ISO codes the order may be made in; empty means any.</param>
/// <param name="BlockedCountries">ISO codes the order must not be made in.</param>
internal sealed record OrderRequirementsDto(DateOnly? NeededBy, IReadOnlyList<string> RequiredCertifications, IReadOnlyList<string> AllowedCountries, IReadOnlyList<string> BlockedCountries)
{
    /// <summary>No requirements.</summary>
    public static readonly OrderRequirementsDto None = new(null, [], [], []);

    public static OrderRequirementsDto From(DateOnly? neededBy, List<string> certifications, List<string> allowed, List<string> blocked) =>
        new(neededBy, [.. certifications], [.. allowed], [.. blocked]);

    /// <summary>Adds the requirements a buyer gave to a workflow's start input (nothing for those left out).</summary>
    public static void AddTo(JsonObject input, OrderRequirements needs)
    {
        if (needs.NeededBy is { } date)
        {
            input["neededBy"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (name, list) in new[] { ("requiredCertifications", needs.RequiredCertifications), ("allowedCountries", needs.AllowedCountries), ("blockedCountries", needs.BlockedCountries) })
        {
            if (list.Count > 0)
            {
                input[name] = new JsonArray([.. list.Select(v => (JsonNode)v)]);
            }
        }
    }
}
