using System.Text.RegularExpressions;

namespace Sleek.Workflows.Marketplace.Files;

/// <summary>Storage keys: made from a file's id only, and checked again by each store before it touches anything.</summary>
public static partial class StorageKeys
{
    /// <summary>The key of a file id: <c>files/&lt;32 hex digits&gt;</c>.</summary>
    public static string Of(Guid fileId) => $"files/{fileId:N}";

    /// <summary>Throws unless <paramref name="key"/> is a key <see cref="Of"/> made (a store's last line of defence).</summary>
    public static string Checked(string key) =>
        KeyPattern().IsMatch(key) ? key : throw new ArgumentException($"'{key}' is not a storage key made by StorageKeys.Of", nameof(key));

    [GeneratedRegex("^files/[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
