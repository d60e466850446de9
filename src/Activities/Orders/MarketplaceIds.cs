namespace Sleek.Workflows.Activities.Orders;

/// <summary>Parses the ids workflow inputs carry as text, with a message naming the input when it is not an id.</summary>
internal static class MarketplaceIds
{
    public static bool TryParse(string? text, string input, out Guid id, out string error)
    {
        error = "";
        if (Guid.TryParse(text?.Trim(), out id) && id != Guid.Empty)
        {
            return true;
        }

        error = string.IsNullOrWhiteSpace(text)
            ? $"{input} is empty; pass the id (e.g. variables.{input})"
            : $"{input} '{Truncate(text)}' is not an id";
        return false;
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
