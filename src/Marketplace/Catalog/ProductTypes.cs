namespace Sleek.Workflows.Marketplace.Catalog;

/// <summary>How a buyer's product type becomes a category key: "T-Shirt", "t shirt" and "t_shirt" are one category.</summary>
public static class ProductTypes
{
    /// <summary>Trimmed, lower-cased, runs of spaces and hyphens turned into one <c>_</c>; null for null or blank.</summary>
    public static string? Normalize(string? productType)
    {
        if (string.IsNullOrWhiteSpace(productType))
        {
            return null;
        }

        var chars = new List<char>(productType.Length);
        foreach (var c in productType.Trim().ToLowerInvariant())
        {
            var mapped = c is ' ' or '-' or '\t' ? '_' : c;
            // "t - shirt" is "t_shirt", not "t___shirt".
            if (mapped == '_' && chars.Count > 0 && chars[^1] == '_')
            {
                continue;
            }

            chars.Add(mapped);
        }

        return new string([.. chars]);
    }
}
